import { WorkspaceSchema } from '#database/schema'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Agency from '#models/agency'
import WorkspaceMember from '#models/workspace_member'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import TrackingPixel from '#models/tracking_pixel'
import Credential from '#models/credential'
import Visitor from '#models/visitor'
import VisitorEvent from '#models/visitor_event'
import Payment from '#models/payment'
import WebhookEvent from '#models/webhook_event'
import WebhookEndpoint from '#models/webhook_endpoint'
import PostbackDelivery from '#models/postback_delivery'
import Coupon from '#models/coupon'
import SplitTest from '#models/split_test'
import SplitTestVariant from '#models/split_test_variant'

/**
 * One client of an agency. Every tenant query starts here: `workspace.related('funnels')`.
 */
export default class Workspace extends WorkspaceSchema {
  declare settings: Record<string, unknown>

  @belongsTo(() => Agency)
  declare agency: BelongsTo<typeof Agency>

  @hasMany(() => WorkspaceMember)
  declare members: HasMany<typeof WorkspaceMember>

  @hasMany(() => Funnel)
  declare funnels: HasMany<typeof Funnel>

  @hasMany(() => FunnelStep)
  declare funnelSteps: HasMany<typeof FunnelStep>

  @hasMany(() => CheckoutConfig)
  declare checkoutConfigs: HasMany<typeof CheckoutConfig>

  @hasMany(() => TrackingPixel)
  declare trackingPixels: HasMany<typeof TrackingPixel>

  @hasMany(() => Credential)
  declare credentials: HasMany<typeof Credential>

  @hasMany(() => Visitor)
  declare visitors: HasMany<typeof Visitor>

  @hasMany(() => VisitorEvent)
  declare visitorEvents: HasMany<typeof VisitorEvent>

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  @hasMany(() => WebhookEvent)
  declare webhookEvents: HasMany<typeof WebhookEvent>

  @hasMany(() => WebhookEndpoint)
  declare webhookEndpoints: HasMany<typeof WebhookEndpoint>

  @hasMany(() => PostbackDelivery)
  declare postbackDeliveries: HasMany<typeof PostbackDelivery>

  @hasMany(() => Coupon)
  declare coupons: HasMany<typeof Coupon>

  @hasMany(() => SplitTest)
  declare splitTests: HasMany<typeof SplitTest>

  @hasMany(() => SplitTestVariant)
  declare splitTestVariants: HasMany<typeof SplitTestVariant>

  get isArchived() {
    return this.archivedAt !== null
  }
}
