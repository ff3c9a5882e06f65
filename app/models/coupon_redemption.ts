import { CouponRedemptionSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { WithWorkspace } from '#models/mixins/with_workspace'

/** One payment's use of a coupon; `releasedAt` once the PIX failed or expired unpaid. */
export default class CouponRedemption extends compose(CouponRedemptionSchema, WithWorkspace) {}
