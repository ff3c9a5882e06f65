import { FunnelStepSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { belongsTo, hasOne } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasOne } from '@adonisjs/lucid/types/relations'
import type { StepType } from '#enums/funnels'
import type { StepPage } from '../types/step_page.js'
import Funnel from '#models/funnel'
import CheckoutConfig from '#models/checkout_config'

/** One page of a funnel (capture, vsl, checkout, upsell, thank-you), kept in a dense order. */
export default class FunnelStep extends compose(FunnelStepSchema, WithWorkspace) {
  declare stepType: StepType
  declare settings: Record<string, unknown>
  declare content: Record<string, unknown>
  /** The block editor's page (sections of blocks); null draws the step from `content`. */
  declare page: StepPage | null

  @belongsTo(() => Funnel)
  declare funnel: BelongsTo<typeof Funnel>

  @hasOne(() => CheckoutConfig, { foreignKey: 'stepId' })
  declare checkoutConfig: HasOne<typeof CheckoutConfig>
}
