import type { HttpContext } from '@adonisjs/core/http'
import PublishFunnel from '#actions/funnels/publish_funnel'
import FunnelChanges from '#actions/funnels/funnel_changes'
import FunnelTransformer from '#transformers/funnel_transformer'

/**
 * Publishing through the API (issue 18 item 4): a funnel created by the API starts as a draft
 * (`status: "draft"`, 404 on its public address) as in the admin, so API clients publish it.
 */
export default class FunnelPublicationsController {
  /** `POST /api/funnels/:id/publish`: 201 with the new version, 200 `changed: false` when none. */
  async store(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const { publication, changed } = await PublishFunnel.handle({ funnel, user: ctx.auth.user })
    ctx.response.status(changed ? 201 : 200)
    return {
      publication: {
        id: publication.id,
        version: publication.version,
        publishedAt: publication.createdAt.toISO(),
        changed,
      },
      funnel: {
        id: funnel.id,
        status: FunnelTransformer.status(funnel),
        publishedAt: funnel.publishedAt?.toISO() ?? null,
      },
    }
  }

  /** `GET /api/funnels/:id/changes`: the draft against the published version, with labels. */
  async changes(ctx: HttpContext) {
    return FunnelChanges.handle({ funnel: await this.#funnel(ctx), locale: ctx.locale })
  }

  #funnel({ workspace, params }: HttpContext) {
    return workspace.related('funnels').query().where('id', params.id).firstOrFail()
  }
}
