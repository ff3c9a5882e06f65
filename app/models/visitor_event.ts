import { VisitorEventSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { VisitorEventType } from '#enums/funnels'
import Visitor from '#models/visitor'

/** Append-only: what a visitor did, when, on which step. */
export default class VisitorEvent extends compose(VisitorEventSchema, WithWorkspace) {
  declare id: number
  declare eventType: VisitorEventType
  declare eventData: Record<string, unknown>

  @belongsTo(() => Visitor)
  declare visitor: BelongsTo<typeof Visitor>
}
