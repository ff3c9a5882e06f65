import { PostbackDeliverySchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'
import type { DeliveryStatus, PostbackTarget } from '#enums/payments'

/** Outbox row: one fact for one destination, with every attempt's outcome. */
export default class PostbackDelivery extends compose(PostbackDeliverySchema, WithWorkspace) {
  declare id: number
  declare target: PostbackTarget
  declare status: DeliveryStatus
  declare request: Record<string, unknown>
}
