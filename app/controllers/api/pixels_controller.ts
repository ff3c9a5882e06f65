import type { HttpContext } from '@adonisjs/core/http'
import { pageOf, pageParams, paginationValidator } from '#services/pagination'
import { pixelFilterValidator, pixelValidator } from '#validators/pixel'
import PixelTransformer from '#transformers/pixel_transformer'
import CreatePixel from '#actions/pixels/create_pixel'
import UpdatePixel from '#actions/pixels/update_pixel'
import DeletePixel from '#actions/pixels/delete_pixel'
import { serialize } from '#services/serialize'

/** `/api/tracking/pixels`: the browser ad pixels of the workspace's funnels. */
export default class PixelsController {
  /** Paginated, optionally for one funnel (`?funnel_id=`). */
  async index({ request, workspace }: HttpContext) {
    const { page, perPage } = pageParams(await request.validateUsing(paginationValidator))
    const { funnel_id: funnelId } = await request.validateUsing(pixelFilterValidator)
    const pixels = await workspace
      .related('trackingPixels')
      .query()
      .if(funnelId, (query) => query.where('funnel_id', funnelId!))
      .preload('funnel')
      .preload('step')
      .orderBy('funnel_id')
      .orderBy('id')
      .paginate(page, perPage)
    return pageOf(pixels, (rows) => PixelTransformer.transform(rows))
  }

  async show({ params, workspace }: HttpContext) {
    const pixel = await this.#find(workspace, params.id)
    return serialize({ pixel: PixelTransformer.transform(pixel) })
  }

  async store({ request, response, workspace }: HttpContext) {
    const data = await request.validateUsing(pixelValidator, {
      meta: { workspaceId: workspace.id },
    })
    const pixel = await CreatePixel.handle({ workspace, data })
    return response.created(await serialize({ pixel: PixelTransformer.transform(pixel) }))
  }

  /** Only what changes needs to be sent: the request is merged over the stored pixel. */
  async update({ params, request, workspace }: HttpContext) {
    const pixel = await this.#find(workspace, params.id)
    const data = await request.validateUsing(pixelValidator, {
      data: PixelTransformer.withChanges(pixel, request.body()),
      meta: { workspaceId: workspace.id },
    })
    await UpdatePixel.handle({ pixel, data })
    return serialize({ pixel: PixelTransformer.transform(pixel) })
  }

  async destroy({ params, response, workspace }: HttpContext) {
    const pixel = await this.#find(workspace, params.id)
    await DeletePixel.handle({ pixel })
    return response.noContent()
  }

  /** Another workspace's pixel is a 404. */
  #find(workspace: HttpContext['workspace'], id: number | string) {
    return workspace
      .related('trackingPixels')
      .query()
      .where('id', Number(id))
      .preload('funnel')
      .preload('step')
      .firstOrFail()
  }
}
