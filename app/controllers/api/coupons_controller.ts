import type { HttpContext } from '@adonisjs/core/http'
import { pageOf, paginationValidator } from '#services/pagination'
import { couponValidator } from '#validators/coupon'
import CouponTransformer from '#transformers/coupon_transformer'
import ListCoupons, { couponsWithUsage } from '#actions/coupons/list_coupons'
import SaveCoupon from '#actions/coupons/save_coupon'
import { serialize } from '#services/serialize'

/**
 * `/api/coupons`: the workspace's discount coupons with their usage. Coupons are deactivated
 * (`isActive: false`), never deleted: payments keep the coupon they used.
 */
export default class CouponsController {
  /** Paginated, newest first, each with its usage counts (same query). */
  async index({ request, workspace }: HttpContext) {
    const { page, perPage } = await request.validateUsing(paginationValidator)
    const coupons = await ListCoupons.handle({ workspace, page, perPage })
    return pageOf(coupons, (rows) => CouponTransformer.transform(rows))
  }

  async show({ params, workspace }: HttpContext) {
    const coupon = await this.#find(workspace, params.id)
    return serialize({ coupon: CouponTransformer.transform(coupon) })
  }

  async store({ request, response, workspace }: HttpContext) {
    const data = await request.validateUsing(couponValidator, {
      meta: { workspaceId: workspace.id },
    })
    const coupon = await SaveCoupon.handle({ workspace, data })
    return response.created(await serialize({ coupon: CouponTransformer.transform(coupon) }))
  }

  /** Only what changes needs to be sent: the request is merged over the stored coupon. */
  async update({ params, request, workspace }: HttpContext) {
    const coupon = await this.#find(workspace, params.id)
    const data = await request.validateUsing(couponValidator, {
      data: CouponTransformer.withChanges(coupon, request.body()),
      meta: { workspaceId: workspace.id, couponId: coupon.id },
    })
    await SaveCoupon.handle({ workspace, coupon, data })
    return serialize({ coupon: CouponTransformer.transform(coupon) })
  }

  /** Another workspace's coupon is a 404. */
  #find(workspace: HttpContext['workspace'], id: number | string) {
    return couponsWithUsage(workspace).where('coupons.id', Number(id)).firstOrFail()
  }
}
