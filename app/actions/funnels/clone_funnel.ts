import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Funnel from '#models/funnel'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import WorkspaceAccess from '#services/workspace_access'
import { DomainError } from '#exceptions/domain_error'
import { RESERVED_FUNNEL_SLUGS, freeSlug } from '#validators/funnel'
import { t, type Locale } from '#services/i18n'
import { workspaceTable } from '#services/tenancy'
import { materializeFunnel, snapshotFunnel } from '#actions/funnels/materialize_funnel'

interface Params {
  source: Funnel
  target: Workspace
  user?: User | null
  /** The copy's name; "<name> (cópia)" by default. */
  name?: string
  locale?: Locale
}

/**
 * Copies a funnel with its steps, checkout configs and tracking pixels, in one transaction,
 * into the same workspace or another workspace of the same agency. The copy gets a fresh slug
 * (`black-friday-copia`, `-copia-2`…) and every step id inside it (step contents' next / accept
 * / decline, checkout `upsellConfig.stepId`, page buttons, pixels' step) points to the copied
 * steps (materializeFunnel, shared with templates).
 */
export default class CloneFunnel {
  static async handle({ source, target, user, name, locale = 'pt-BR' }: Params) {
    return db.transaction(async (trx) => {
      /** Blocks step writes on the source while it is read, so the copy is consistent. */
      const original = await Funnel.forWorkspace(source.workspaceId, { client: trx })
        .where('id', source.id)
        .forShare()
        .firstOrFail()

      const snapshot = await snapshotFunnel(trx, original, { pixels: true })
      const copy = await materializeFunnel(trx, {
        workspace: target,
        snapshot,
        name: name ?? t(locale, 'funnels.clone.default_name', { name: original.name }),
        slug: await this.#copySlug(trx, target, original.slug),
        isActive: original.isActive,
        user,
      })
      return copy
    })
  }

  /**
   * The workspace a copy goes to: the source's own by default, else one of the same agency in
   * which the user may write. Anything else is a 404 (its existence is not revealed).
   */
  static async resolveTarget(user: User, source: Workspace, targetWorkspaceId?: number) {
    if (targetWorkspaceId === undefined || targetWorkspaceId === source.id) return source
    const target = await WorkspaceAccess.find(user, { id: targetWorkspaceId })
    if (!target || target.agencyId !== source.agencyId || !WorkspaceAccess.canWrite(target)) {
      throw new DomainError(404, 'not_found', 'errors.not_found', 'targetWorkspaceId')
    }
    return target
  }

  /** The workspaces a user may copy a funnel of `source` into (same agency, write access). */
  static async targetsFor(user: User, source: Workspace) {
    const workspaces = await WorkspaceAccess.list(user)
    return workspaces.filter(
      (workspace) => workspace.agencyId === source.agencyId && WorkspaceAccess.canWrite(workspace)
    )
  }

  /** `<slug>-copia`, then `-copia-2`, `-copia-3`… whichever the target workspace lacks. */
  static async #copySlug(trx: TransactionClientContract, target: Workspace, slug: string) {
    const base = `${slug}-copia`
    const rows = await workspaceTable(target.id, 'funnels', trx)
      .whereLike('slug', `${base.replace(/[\\%_]/g, '\\$&')}%`)
      .select('slug')
    return freeSlug(base, [...RESERVED_FUNNEL_SLUGS, ...rows.map((row) => row.slug as string)])
  }
}
