import type { HttpContext } from '@adonisjs/core/http'
import type { Infer } from '@vinejs/vine/types'
import type Workspace from '#models/workspace'
import { errors as vineErrors } from '@vinejs/vine'
import FunnelTransformer from '#transformers/funnel_transformer'
import { pageOf } from '#services/pagination'
import { publicSiteUrl } from '#services/public_url'
import { t } from '#services/i18n'
import { ApiError } from '#exceptions/api_error'
import { STEP_TYPES } from '#enums/funnels'
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
import FunnelSplitTests from '#actions/split_tests/funnel_split_tests'

/** The list's filters as the page's filter bar shows them: an absent one at its default. */
function filtersOf(filters: Infer<typeof listFunnelsValidator>) {
  return {
    search: filters.search ?? '',
    archived: filters.archived ?? false,
    active: filters.active ?? null,
  }
}
export type FunnelFilters = ReturnType<typeof filtersOf>

/** A workspace the "clone to" menu offers. */
function cloneTargetOf(target: Workspace) {
  return { id: target.id, name: target.name, slug: target.slug }
}
export type CloneTarget = ReturnType<typeof cloneTargetOf>

/** The funnels pages: the list (`funnels/index`) and the builder (`funnels/show`). */
export default class FunnelsController {
  async index({ workspace, request, inertia, auth }: HttpContext) {
    const filters = await request.validateUsing(listFunnelsValidator)
    const page = await ListFunnels.handle({ workspace, filters })
    const targets = await CloneFunnel.targetsFor(auth.getUserOrFail(), workspace)
    /** An empty list that hides archived funnels says so, rather than "Nenhum funil ainda". */
    let archivedCount = 0
    if (page.total === 0 && !filters.archived) {
      const [row] = await workspace
        .related('funnels')
        .query()
        .whereNotNull('archived_at')
        .count('* as total')
      archivedCount = Number(row.$extras.total)
    }
    return inertia.render('funnels/index', {
      archivedCount,
      /** The workspace's public address, for the slug field's "{url}/{slug}" hint. */
      siteUrl: publicSiteUrl(workspace, '', { via: request }),
      funnels: await pageOf(page, (funnels) =>
        FunnelTransformer.transform(funnels, workspace, { via: request })
      ),
      filters: filtersOf(filters),
      cloneTargets: targets.map(cloneTargetOf),
    })
  }

  /** Creates the funnel and opens it in the builder. */
  async store(ctx: HttpContext) {
    const { workspace, request, response, session, auth } = ctx
    const data = await request.validateUsing(createFunnelValidator, {
      meta: { workspaceId: workspace.id },
    })
    const funnel = await CreateFunnel.handle({ workspace, user: auth.user, data })
    session.flash('success', t(ctx.locale, 'funnels.flash.created'))
    return response
      .redirect()
      .toRoute('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })
  }

  /** The builder: steps on the left, the selected step's form, its preview. */
  async show(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    await funnel.load('steps')
    const requested = Number(ctx.request.qs().step)
    const selected = funnel.steps.find((step) => step.id === requested) ?? funnel.steps[0]
    return ctx.inertia.render('funnels/show', {
      funnel: FunnelTransformer.transform(funnel, ctx.workspace, { via: ctx.request }).useVariant(
        'detail'
      ),
      siteUrl: publicSiteUrl(ctx.workspace, '', { via: ctx.request }),
      selectedStepId: selected?.id ?? null,
      stepTypes: [...STEP_TYPES],
      /** The funnel's A/B tests with their results (issue 16): the builder's "Teste A/B" card. */
      splitTests: await FunnelSplitTests.handle({ workspace: ctx.workspace, funnel }),
    })
  }

  async update(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    const data = await ctx.request.validateUsing(updateFunnelValidator, {
      meta: { workspaceId: ctx.workspace.id, funnelId: funnel.id },
    })
    await UpdateFunnel.handle({ funnel, data })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.updated'))
    return ctx.response.redirect().back()
  }

  /**
   * A funnel with payments cannot be deleted: the message is shown in the dialog (as the
   * `funnel` field error) and as a toast.
   */
  async destroy(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    try {
      await DeleteFunnel.handle({ funnel })
    } catch (error) {
      if (!(error instanceof ApiError) || error.rule !== 'funnel_has_payments') throw error
      const message = t(ctx.locale, error.messageKey)
      ctx.session.flash('error', message)
      throw new vineErrors.E_VALIDATION_ERROR([{ field: 'funnel', rule: error.rule, message }])
    }
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.deleted'))
    return ctx.response.redirect().toRoute('w.funnels.index', { workspaceSlug: ctx.workspace.slug })
  }

  /** Copies the funnel and opens the copy in its workspace's builder. */
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
    ctx.session.flash(
      'success',
      t(ctx.locale, 'funnels.flash.cloned', { name: copy.name, workspace: target.name })
    )
    return ctx.response
      .redirect()
      .toRoute('w.funnels.show', { workspaceSlug: target.slug, id: copy.id })
  }

  async archive(ctx: HttpContext) {
    const funnel = await this.#funnel(ctx)
    await ArchiveFunnel.handle({ funnel })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.archived'))
    ctx.session.flash('undo', {
      url: `/w/${ctx.workspace.slug}/funnels/${funnel.id}/unarchive`,
      label: t(ctx.locale, 'common.undo'),
    })
    return ctx.response.redirect().back()
  }

  async unarchive(ctx: HttpContext) {
    await UnarchiveFunnel.handle({ funnel: await this.#funnel(ctx) })
    ctx.session.flash('success', t(ctx.locale, 'funnels.flash.unarchived'))
    return ctx.response.redirect().back()
  }

  #funnel({ workspace, params }: HttpContext) {
    return workspace.related('funnels').query().where('id', params.id).firstOrFail()
  }
}
