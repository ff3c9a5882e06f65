import { BaseModel, column, belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import SplitTestVariant from '#models/split_test_variant'

export type SplitTestStatus = 'running' | 'finished'

/** An A/B test of one step: its variants share the step's traffic by weight. */
export default class SplitTest extends compose(BaseModel, WithWorkspace) {
  @column({ isPrimary: true })
  declare id: number
  @column()
  declare workspaceId: number
  @column()
  declare funnelId: number
  @column()
  declare stepId: number
  @column()
  declare name: string
  @column()
  declare status: SplitTestStatus
  @column()
  declare winnerVariantId: number | null
  @column.dateTime()
  declare startedAt: DateTime
  @column.dateTime()
  declare finishedAt: DateTime | null
  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Funnel)
  declare funnel: BelongsTo<typeof Funnel>

  @belongsTo(() => FunnelStep, { foreignKey: 'stepId' })
  declare step: BelongsTo<typeof FunnelStep>

  @hasMany(() => SplitTestVariant)
  declare variants: HasMany<typeof SplitTestVariant>
}
