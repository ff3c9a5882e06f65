import type { HttpContext } from '@adonisjs/core/http'
import { pageOf } from '#services/pagination'
import { couponValidator } from '#validators/coupon'
import CouponTransformer from '#transformers/coupon_transformer'
import ListCoupons, { couponsWithUsage } from '#actions/coupons/list_coupons'
import SaveCoupon from '#actions/coupons/save_coupon'
import { t } from '#services/i18n'

const PER_PAGE = 50

/** A funnel the coupon form's "restrict to funnels" list offers. */
function funnelOptionOf(funnel: { id: number; name: string }) {
  return { id: funnel.id, name: funnel.name }
}
export type FunnelOption = ReturnType<typeof funnelOptionOf>

/** `/w/:workspaceSlug/coupons`: the coupons page; writes share the API's actions. */
export default class CouponsController {
  async index({ inertia, request, workspace }: HttpContext) {
    const page = Number(request.qs().page)
    const coupons = await ListCoupons.handle({
      workspace,
      page: Number.isInteger(page) && page > 0 ? page : 1,
      perPage: PER_PAGE,
    })
    const funnels = await workspace
      .related('funnels')
      .query()
      .whereNull('archived_at')
      .select('id', 'name')
      .orderBy('name')
    return inertia.render('coupons/index', {
      coupons: await pageOf(coupons, (rows) => CouponTransformer.transform(rows)),
      funnels: funnels.map(funnelOptionOf),
    })
  }

  async store({ request, response, session, workspace, locale }: HttpContext) {
    const data = await request.validateUsing(couponValidator, {
      meta: { workspaceId: workspace.id },
    })
    await SaveCoupon.handle({ workspace, data: { ...data, funnelIds: data.funnelIds ?? [] } })
    session.flash('success', t(locale, 'coupons.created'))
    return response.redirect().back()
  }

  /** The form sends the whole coupon (no funnel ticked means every funnel). */
  async update({ params, request, response, session, workspace, locale }: HttpContext) {
    const coupon = await this.#find(workspace, params.id)
    const data = await request.validateUsing(couponValidator, {
      meta: { workspaceId: workspace.id, couponId: coupon.id },
    })
    await SaveCoupon.handle({
      workspace,
      coupon,
      data: { ...data, funnelIds: data.funnelIds ?? [] },
    })
    session.flash('success', t(locale, 'coupons.updated'))
    return response.redirect().back()
  }

  /** Another workspace's coupon is a 404. */
  #find(workspace: HttpContext['workspace'], id: number | string) {
    return couponsWithUsage(workspace).where('coupons.id', Number(id)).firstOrFail()
  }
}
