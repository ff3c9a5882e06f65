import { FunnelSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import TrackingPixel from '#models/tracking_pixel'
import User from '#models/user'
import FunnelPublication from '#models/funnel_publication'

/** A sales funnel of a workspace; its slug is the first path segment on the workspace host. */
export default class Funnel extends compose(FunnelSchema, WithWorkspace) {
  declare settings: Record<string, unknown>

  @hasMany(() => FunnelStep, { onQuery: (query) => query.orderBy('order_index') })
  declare steps: HasMany<typeof FunnelStep>

  @hasMany(() => CheckoutConfig)
  declare checkoutConfigs: HasMany<typeof CheckoutConfig>

  @hasMany(() => TrackingPixel)
  declare trackingPixels: HasMany<typeof TrackingPixel>

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare creator: BelongsTo<typeof User>

  /** The version the public site serves; null while the funnel is a draft never published. */
  @belongsTo(() => FunnelPublication, { foreignKey: 'publishedPublicationId' })
  declare publication: BelongsTo<typeof FunnelPublication>
}
