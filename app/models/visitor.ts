import { VisitorSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import VisitorEvent from '#models/visitor_event'

/** A person walking a funnel, known by a first-party session cookie; keeps first-touch attribution. */
export default class Visitor extends compose(VisitorSchema, WithWorkspace) {
  declare lead: Record<string, string>
  declare gaSessions: Record<string, string>

  @belongsTo(() => Funnel)
  declare funnel: BelongsTo<typeof Funnel>

  @belongsTo(() => FunnelStep, { foreignKey: 'currentStepId' })
  declare currentStep: BelongsTo<typeof FunnelStep>

  @hasMany(() => VisitorEvent)
  declare events: HasMany<typeof VisitorEvent>
}
