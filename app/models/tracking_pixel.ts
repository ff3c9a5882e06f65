import { TrackingPixelSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { PixelType } from '#enums/funnels'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'

/** A browser ad pixel for a whole funnel, or for one of its steps. */
export default class TrackingPixel extends compose(TrackingPixelSchema, WithWorkspace) {
  declare pixelType: PixelType
  declare settings: Record<string, unknown>

  @belongsTo(() => Funnel)
  declare funnel: BelongsTo<typeof Funnel>

  @belongsTo(() => FunnelStep, { foreignKey: 'stepId' })
  declare step: BelongsTo<typeof FunnelStep>
}
