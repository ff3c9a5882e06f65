import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type Funnel from '#models/funnel'
import type User from '#models/user'
import FunnelPublication from '#models/funnel_publication'
import { lockFunnel } from '#actions/steps/lock_funnel'
import ResolveFunnelPage from '#actions/public/resolve_funnel_page'
import { draftSnapshot } from '#services/funnel_publication'
import { diffSnapshots } from '#services/publication_diff'
import { DomainError } from '#exceptions/domain_error'

/**
 * "Publicar" (issue 18 item 4): copies the funnel's draft — every step and checkout
 * configuration — into a new, immutable publication, and makes it the version the public site
 * serves. Publishing a draft identical to the live version is a no-op that says so
 * (`changed: false`, the same version stays live): a version number always means a change.
 * The funnel row is locked (as every step write does), so a publish never snapshots a reorder
 * half done and two publishes never take the same version number.
 */
export default class PublishFunnel {
  static async handle({
    funnel,
    user,
    trx: outer,
  }: {
    funnel: Funnel
    user?: User | null
    /** The caller's transaction (the demo seed publishes the funnel it is creating). */
    trx?: TransactionClientContract
  }) {
    const run = async (trx: TransactionClientContract) => {
      const locked = await lockFunnel(trx, funnel)
      if (locked.archivedAt)
        throw new DomainError(422, 'funnel_archived', 'publishing.errors.archived')
      const snapshot = await draftSnapshot(locked.workspaceId, locked.id, trx)
      if (!snapshot.steps.some((step) => step.is_active)) {
        throw new DomainError(422, 'funnel_empty', 'publishing.errors.no_steps')
      }

      const current = locked.publishedPublicationId
        ? await FunnelPublication.forWorkspace(locked.workspaceId, { client: trx })
            .where('id', locked.publishedPublicationId)
            .first()
        : null
      if (current && diffSnapshots(current.snapshot, snapshot).length === 0) {
        return { publication: current, changed: false }
      }

      const [{ last }] = await FunnelPublication.forWorkspace(locked.workspaceId, { client: trx })
        .where('funnel_id', locked.id)
        .max('version as last')
        .pojo<{ last: number | null }>()
      const publication = await FunnelPublication.create(
        {
          workspaceId: locked.workspaceId,
          funnelId: locked.id,
          version: (last ?? 0) + 1,
          snapshot,
          publishedBy: user?.id ?? null,
        },
        { client: trx }
      )
      locked.publishedPublicationId = publication.id
      locked.publishedAt = DateTime.now()
      await locked.save()
      funnel.publishedPublicationId = locked.publishedPublicationId
      funnel.publishedAt = locked.publishedAt
      funnel.updatedAt = locked.updatedAt
      return { publication, changed: true }
    }
    const result = await (outer ? run(outer) : db.transaction(run))
    ResolveFunnelPage.forgetFunnel(funnel.workspaceId, funnel.slug)
    return result
  }
}
