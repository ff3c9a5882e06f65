import type { HttpContext } from '@adonisjs/core/http'
import { t } from '#services/i18n'
import { wantsJson } from '#services/wants_json'
import { applyTemplateValidator, saveTemplateValidator } from '#validators/template'
import ListTemplates from '#actions/templates/list_templates'
import ApplyTemplate from '#actions/templates/apply_template'
import SaveFunnelAsTemplate from '#actions/templates/save_funnel_as_template'
import DeleteTemplate from '#actions/templates/delete_template'

/**
 * Funnel templates (issue 18 item 2): the "Novo funil" gallery (built-in + the agency's own),
 * a funnel made from one, "Salvar como modelo" on a funnel, deleting an agency template.
 */
export default class FunnelTemplatesController {
  /** The gallery, as JSON: the dialog loads it when it opens. */
  async index({ workspace, auth, locale, response }: HttpContext) {
    const user = auth.getUserOrFail()
    return response.json({ templates: await ListTemplates.handle({ workspace, user, locale }) })
  }

  /** Creates the funnel from the template and opens it in the builder. */
  async apply(ctx: HttpContext) {
    const { workspace, request, auth, locale } = ctx
    const { template, ...data } = await request.validateUsing(applyTemplateValidator, {
      meta: { workspaceId: workspace.id },
    })
    const user = auth.getUserOrFail()
    const funnel = await ApplyTemplate.handle({ workspace, user, template, data, locale })
    ctx.session.flash('success', t(locale, 'templates.flash.applied', { name: funnel.name }))
    return ctx.response
      .redirect()
      .toRoute('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })
  }

  async store(ctx: HttpContext) {
    const { workspace, params, request, auth, locale } = ctx
    const funnel = await workspace.related('funnels').query().where('id', params.id).firstOrFail()
    const data = await request.validateUsing(saveTemplateValidator)
    const user = auth.getUserOrFail()
    const template = await SaveFunnelAsTemplate.handle({ workspace, funnel, user, data })
    if (wantsJson(ctx)) return ctx.response.created({ template: { id: template.id } })
    ctx.session.flash('success', t(locale, 'templates.flash.saved', { name: template.name }))
    return ctx.response.redirect().back()
  }

  async destroy(ctx: HttpContext) {
    const { workspace, params, auth, locale } = ctx
    await DeleteTemplate.handle({ workspace, user: auth.getUserOrFail(), id: Number(params.id) })
    if (wantsJson(ctx)) return ctx.response.noContent()
    ctx.session.flash('success', t(locale, 'templates.flash.deleted'))
    return ctx.response.redirect().back()
  }
}
