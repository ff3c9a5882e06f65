import type { HttpContext } from '@adonisjs/core/http'
import { pageOf } from '#services/pagination'
import { pixelValidator } from '#validators/pixel'
import PixelTransformer from '#transformers/pixel_transformer'
import CreatePixel from '#actions/pixels/create_pixel'
import UpdatePixel from '#actions/pixels/update_pixel'
import DeletePixel from '#actions/pixels/delete_pixel'
import { t } from '#services/i18n'

const PER_PAGE = 50

/** `/w/:workspaceSlug/pixels`: the pixels page; writes share the API's actions. */
export default class PixelsController {
  async index({ inertia, request, workspace }: HttpContext) {
    const funnelId = positiveInt(request.qs().funnel_id)
    const page = positiveInt(request.qs().page) ?? 1
    const pixels = await workspace
      .related('trackingPixels')
      .query()
      .if(funnelId, (query) => query.where('funnel_id', funnelId!))
      .preload('funnel')
      .preload('step')
      .orderBy('funnel_id')
      .orderBy('id')
      .paginate(page, PER_PAGE)
    const funnels = await workspace
      .related('funnels')
      .query()
      .select('id', 'name')
      .orderBy('name')
      .preload('steps', (query) => query.select('id', 'funnel_id', 'name', 'order_index'))

    return inertia.render('pixels/index', {
      pixels: await pageOf(pixels, (rows) => PixelTransformer.transform(rows)),
      funnels: funnels.map((funnel) => ({
        id: funnel.id,
        name: funnel.name,
        steps: funnel.steps.map((step) => ({ id: step.id, name: step.name })),
      })),
      filters: { funnelId: funnelId ?? null },
    })
  }

  async store({ request, response, session, workspace, locale }: HttpContext) {
    const data = await request.validateUsing(pixelValidator, {
      meta: { workspaceId: workspace.id },
    })
    await CreatePixel.handle({ workspace, data })
    session.flash('success', t(locale, 'pixels.created'))
    return response.redirect().back()
  }

  async update({ params, request, response, session, workspace, locale }: HttpContext) {
    const pixel = await this.#find(workspace, params.id)
    const data = await request.validateUsing(pixelValidator, {
      data: PixelTransformer.withChanges(pixel, request.body()),
      meta: { workspaceId: workspace.id },
    })
    await UpdatePixel.handle({ pixel, data })
    session.flash('success', t(locale, 'pixels.updated'))
    return response.redirect().back()
  }

  async destroy({ params, response, session, workspace, locale }: HttpContext) {
    const pixel = await this.#find(workspace, params.id)
    await DeletePixel.handle({ pixel })
    session.flash('success', t(locale, 'pixels.deleted'))
    return response.redirect().back()
  }

  /** Another workspace's pixel is a 404. */
  #find(workspace: HttpContext['workspace'], id: number | string) {
    return workspace.related('trackingPixels').query().where('id', Number(id)).firstOrFail()
  }
}

/** A query-string page or id; anything else is ignored rather than refused on a page view. */
function positiveInt(value: unknown) {
  const number = Number(value)
  return Number.isInteger(number) && number > 0 ? number : undefined
}
