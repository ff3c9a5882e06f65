import type { HttpContext } from '@adonisjs/core/http'
import PublishFunnel from '#actions/funnels/publish_funnel'
import FunnelChanges from '#actions/funnels/funnel_changes'
import { t } from '#services/i18n'

/** The builder's "Publicar" button and its dialog's list of changes (issue 18 item 4). */
export default class FunnelPublicationsController {
  /** `POST /w/:workspaceSlug/funnels/:id/publish`: publishes the draft (or says nothing changed). */
  async store(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const { publication, changed } = await PublishFunnel.handle({ funnel, user: ctx.auth.user })
    ctx.session.flash(
      'success',
      t(ctx.locale, changed ? 'publishing.flash.published' : 'publishing.flash.unchanged', {
        version: publication.version,
      })
    )
    return ctx.response.redirect().back()
  }

  /** `GET /w/:workspaceSlug/funnels/:id/changes`: what publishing now would change (JSON). */
  async changes(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    ctx.response.header('Cache-Control', 'no-store')
    return FunnelChanges.handle({ funnel, locale: ctx.locale })
  }

  #funnel({ workspace, params }: HttpContext) {
    return workspace.related('funnels').query().where('id', params.id).firstOrFail()
  }
}
