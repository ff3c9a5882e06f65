import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import FunnelTemplate from '#models/funnel_template'
import { builtinTemplate } from '#database/templates/index'
import { DomainError } from '#exceptions/domain_error'
import type { Locale } from '#services/i18n'
import CreateFunnel from '#actions/funnels/create_funnel'
import { materializeFunnel } from '#actions/funnels/materialize_funnel'
import { agencyTemplatesAllowed } from '#actions/templates/template_access'
import type { FunnelSnapshot } from '../../types/funnel_snapshot.js'

interface Params {
  workspace: Workspace
  user: User
  /** A built-in key or an agency template's id (as the gallery gives it). */
  template: string
  data: { name?: string; slug?: string }
  /** The language of a built-in template's copy. */
  locale: Locale
}

/**
 * Creates a funnel from a template in one transaction: every step with its page and content,
 * the checkout configurations with the template's products and prices, every step link pointing
 * to the new steps. The funnel starts as a draft (no publication yet): nothing is public until
 * "Publicar". A template of another agency, or any agency template for a client login, is a 404.
 */
export default class ApplyTemplate {
  static async handle({ workspace, user, template, data, locale }: Params) {
    const snapshot = await this.snapshotOf({ workspace, user, template, locale })
    return db.transaction(async (trx) => {
      const name = data.name ?? snapshot.funnel.name
      return materializeFunnel(trx, {
        workspace,
        snapshot,
        name,
        slug: data.slug ?? (await CreateFunnel.availableSlug(trx, workspace, name)),
        isActive: true,
        user,
      })
    })
  }

  /** The template's snapshot, or a 404 when this workspace may not use it. */
  static async snapshotOf({
    workspace,
    user,
    template,
    locale,
  }: Omit<Params, 'data'>): Promise<FunnelSnapshot> {
    if (!/^\d+$/.test(template)) {
      const builtin = builtinTemplate(template)
      if (builtin) return builtin.build(locale)
    } else if (await agencyTemplatesAllowed(user, workspace)) {
      const saved = await FunnelTemplate.forAgency(workspace.agencyId)
        .where('id', Number(template))
        .first()
      if (saved && saved.snapshot?.version === 1) return saved.snapshot
    }
    throw new DomainError(404, 'not_found', 'errors.not_found', 'template')
  }
}
