import type { HttpContext } from '@adonisjs/core/http'
import type Funnel from '#models/funnel'
import FunnelTransformer from '#transformers/funnel_transformer'
import { pageOf } from '#services/pagination'
import {
  cloneFunnelValidator,
  createFunnelValidator,
  listFunnelsValidator,
  updateFunnelValidator,
} from '#validators/funnel'
import ListFunnels from '#actions/funnels/list_funnels'
import CreateFunnel from '#actions/funnels/create_funnel'
import UpdateFunnel from '#actions/funnels/update_funnel'
import DeleteFunnel from '#actions/funnels/delete_funnel'
import ArchiveFunnel from '#actions/funnels/archive_funnel'
import UnarchiveFunnel from '#actions/funnels/unarchive_funnel'
import CloneFunnel from '#actions/funnels/clone_funnel'
import { serialize } from '#services/serialize'

/** The seed's `/api/funnels` endpoints, inside the request's workspace. */
export default class FunnelsController {
  /** `GET /api/funnels?search=&active=&archived=&page=&perPage=` */
  async index({ workspace, request }: HttpContext) {
    const filters = await request.validateUsing(listFunnelsValidator)
    const page = await ListFunnels.handle({ workspace, filters })
    return pageOf(page, (funnels) =>
      FunnelTransformer.transform(funnels, workspace, { via: request })
    )
  }

  async store({ workspace, request, response, auth }: HttpContext) {
    const data = await request.validateUsing(createFunnelValidator, {
      meta: { workspaceId: workspace.id },
    })
    const funnel = await CreateFunnel.handle({ workspace, user: auth.user, data })
    await funnel.load('steps')
    return response.created(
      await serialize({
        funnel: FunnelTransformer.transform(funnel, workspace, { via: request }).useVariant(
          'detail'
        ),
      })
    )
  }

  /** A funnel with its steps in order. */
  async show(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    await funnel.load('steps')
    return this.#detail(ctx, funnel)
  }

  async update(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const data = await ctx.request.validateUsing(updateFunnelValidator, {
      meta: { workspaceId: ctx.workspace.id, funnelId: funnel.id },
    })
    await UpdateFunnel.handle({ funnel, data })
    await funnel.load('steps')
    return this.#detail(ctx, funnel)
  }

  /** 409 `funnel_has_payments` when money was collected through it (archive it instead). */
  async destroy(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    await DeleteFunnel.handle({ funnel })
    return ctx.response.noContent()
  }

  /** A deep copy, here or in another workspace of the same agency (`targetWorkspaceId`). */
  async clone(ctx: HttpContext) {
    const source = await this.#funnel(ctx)
    const data = await ctx.request.validateUsing(cloneFunnelValidator)
    const user = ctx.auth.getUserOrFail()
    const target = await CloneFunnel.resolveTarget(user, ctx.workspace, data.targetWorkspaceId)
    const copy = await CloneFunnel.handle({
      source,
      target,
      user,
      name: data.name,
      locale: ctx.locale,
    })
    await copy.load('steps')
    return ctx.response.created(
      await serialize({
        funnel: FunnelTransformer.transform(copy, target, { via: ctx.request }).useVariant(
          'detail'
        ),
      })
    )
  }

  async archive(ctx: HttpContext) {
    const funnel = await ArchiveFunnel.handle({ funnel: await this.#funnel(ctx) })
    return serialize({
      funnel: FunnelTransformer.transform(funnel, ctx.workspace, { via: ctx.request }),
    })
  }

  async unarchive(ctx: HttpContext) {
    const funnel = await UnarchiveFunnel.handle({ funnel: await this.#funnel(ctx) })
    return serialize({
      funnel: FunnelTransformer.transform(funnel, ctx.workspace, { via: ctx.request }),
    })
  }

  #detail(ctx: HttpContext, funnel: Funnel) {
    return serialize({
      funnel: FunnelTransformer.transform(funnel, ctx.workspace, { via: ctx.request }).useVariant(
        'detail'
      ),
    })
  }

  /** The funnel of the URL inside the request's workspace (another workspace's id is a 404). */
  #funnel({ workspace, params }: HttpContext) {
    return workspace.related('funnels').query().where('id', params.id).firstOrFail()
  }
}
