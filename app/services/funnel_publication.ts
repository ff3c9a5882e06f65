import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Funnel from '#models/funnel'
import type Workspace from '#models/workspace'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import FunnelPublication from '#models/funnel_publication'
import { TtlCache } from '#services/ttl_cache'

/** A `funnel_steps` or `checkout_configs` row as `to_jsonb` writes it (snake_case columns). */
export type SnapshotRow = Record<string, unknown> & { id: number }

/**
 * What a publication holds: the funnel's steps and checkout configurations as rows, without
 * their timestamps. Rows rather than a hand-picked shape, so a column added to the steps (the
 * block editor's `page`) is published without touching this file.
 */
export interface PublicationSnapshot {
  format: 1
  steps: SnapshotRow[]
  checkoutConfigs: SnapshotRow[]
}

/**
 * The funnel's draft as a snapshot, in one statement (the same SQL as the migration that
 * published every funnel that existed): steps in their order, configurations by step.
 */
export async function draftSnapshot(
  workspaceId: number,
  funnelId: number,
  client: QueryClientContract = db.connection()
): Promise<PublicationSnapshot> {
  const { rows } = await client.rawQuery<{ rows: Array<{ snapshot: PublicationSnapshot }> }>(
    `SELECT jsonb_build_object(
              'format', 1,
              'steps', COALESCE((
                SELECT jsonb_agg(to_jsonb(s) - 'created_at' - 'updated_at' ORDER BY s.order_index, s.id)
                  FROM funnel_steps s WHERE s.workspace_id = :ws AND s.funnel_id = :funnel), '[]'::jsonb),
              'checkoutConfigs', COALESCE((
                SELECT jsonb_agg(to_jsonb(c) - 'created_at' - 'updated_at' ORDER BY c.step_id)
                  FROM checkout_configs c WHERE c.workspace_id = :ws AND c.funnel_id = :funnel), '[]'::jsonb)
            ) AS snapshot`,
    { ws: workspaceId, funnel: funnelId }
  )
  return rows[0].snapshot
}

/**
 * Publishes one step's content (and, with `withConfig`, its checkout configuration) from the
 * draft on top of the live version: a split test's winning challenger was already live for its
 * share of visitors, so declaring it goes live for everyone at once — without publishing the
 * funnel's other unpublished edits. Null (nothing published) for a draft never published or a
 * step not in the live version: the next "Publicar" takes it. Call inside the transaction
 * that wrote the step.
 */
export async function publishStepFromDraft(
  trx: TransactionClientContract,
  workspaceId: number,
  funnelId: number,
  stepId: number,
  withConfig: boolean
) {
  const funnel = await Funnel.forWorkspace(workspaceId, { client: trx })
    .where('id', funnelId)
    .forUpdate()
    .first()
  if (!funnel?.publishedPublicationId) return null
  const current = await FunnelPublication.forWorkspace(workspaceId, { client: trx })
    .where('id', funnel.publishedPublicationId)
    .firstOrFail()
  const draft = await draftSnapshot(workspaceId, funnelId, trx)
  const draftStep = draft.steps.find((row) => row.id === stepId)
  if (!draftStep || !current.snapshot.steps.some((row) => row.id === stepId)) return null
  const snapshot: PublicationSnapshot = {
    format: 1,
    steps: current.snapshot.steps.map((row) =>
      row.id === stepId ? { ...row, content: draftStep.content, version: draftStep.version } : row
    ),
    checkoutConfigs: withConfig
      ? [
          ...current.snapshot.checkoutConfigs.filter((row) => row.step_id !== stepId),
          ...draft.checkoutConfigs.filter((row) => row.step_id === stepId),
        ].sort((a, b) => Number(a.step_id) - Number(b.step_id))
      : current.snapshot.checkoutConfigs,
  }
  const [{ last }] = await FunnelPublication.forWorkspace(workspaceId, { client: trx })
    .where('funnel_id', funnelId)
    .max('version as last')
    .pojo<{ last: number | null }>()
  const publication = await FunnelPublication.create(
    { workspaceId, funnelId, version: (last ?? 0) + 1, snapshot, publishedBy: null },
    { client: trx }
  )
  funnel.publishedPublicationId = publication.id
  funnel.publishedAt = DateTime.now()
  await funnel.useTransaction(trx).save()
  return { funnel, publication }
}

/** A publication as models: every published step in order and the checkout configs by step id. */
export interface PublishedSite {
  publicationId: number
  version: number
  steps: FunnelStep[]
  configs: Map<number, CheckoutConfig>
}

/**
 * Publications never change, so a hydrated one is kept per process (the TTL only bounds how
 * long an unused one stays in memory). The models are shared by every request: read only.
 */
const sites = new TtlCache<PublishedSite | null>(15 * 60_000, 2_000)

/** Lucid's own column mapping turns a snapshot row into a model, as a query result would. */
export function hydrate(publication: FunnelPublication): PublishedSite {
  const at = publication.createdAt
  const steps = (publication.snapshot.steps ?? []).map((row) => {
    const step = FunnelStep.$createFromAdapterResult(row)!
    step.createdAt = at
    step.updatedAt = at
    return step
  })
  const configs = new Map<number, CheckoutConfig>()
  for (const row of publication.snapshot.checkoutConfigs ?? []) {
    const config = CheckoutConfig.$createFromAdapterResult(row)!
    config.createdAt = at
    config.updatedAt = at
    configs.set(config.stepId, config)
  }
  return { publicationId: publication.id, version: publication.version, steps, configs }
}

/** A publication of the workspace by id, hydrated (cached). */
export function publishedSite(workspaceId: number, publicationId: number) {
  return sites.remember(`${workspaceId}/${publicationId}`, async () => {
    const publication = await FunnelPublication.forWorkspace(workspaceId)
      .where('id', publicationId)
      .first()
    return publication ? hydrate(publication) : null
  })
}

/** What visitors of a funnel see: its published, active steps that still exist, in order. */
export interface LiveSite {
  publicationId: number
  steps: FunnelStep[]
  configs: Map<number, CheckoutConfig>
}

/**
 * The published version of a funnel as the public side serves it, or null for a draft never
 * published. Only the steps that are active in the publication *and* still exist: a step
 * deleted from the draft goes offline at once (its visits and payments point at its row, so a
 * charge for a deleted step could not be recorded).
 */
export async function liveSite(funnel: Funnel): Promise<LiveSite | null> {
  if (!funnel.publishedPublicationId) return null
  const [site, existing] = await Promise.all([
    publishedSite(funnel.workspaceId, funnel.publishedPublicationId),
    funnel.related('steps').query().select('id'),
  ])
  if (!site) return null
  const ids = new Set(existing.map((row) => row.id))
  return {
    publicationId: site.publicationId,
    steps: site.steps.filter((step) => step.isActive && ids.has(step.id)),
    configs: site.configs,
  }
}

/**
 * A step as the public side sells it, by id: an active, unarchived, published funnel of the
 * workspace that has this step in its published version, of `stepType`, with the published
 * checkout configuration (null for other types or none saved). What the checkout charges and
 * the upsell's one-click price read, so a visitor pays what the published page showed.
 */
export async function publishedStep(
  workspace: Workspace,
  stepId: number,
  stepType: 'checkout' | 'upsell'
) {
  const funnel = await workspace
    .related('funnels')
    .query()
    .where('is_active', true)
    .whereNull('archived_at')
    .whereNotNull('published_publication_id')
    .whereHas('steps', (q) => q.where('id', stepId))
    .first()
  const site = funnel ? await liveSite(funnel) : null
  const step = site?.steps.find((s) => s.id === stepId && s.stepType === stepType)
  if (!funnel || !site || !step) return null
  return { funnel, step, steps: site.steps, config: site.configs.get(step.id) ?? null }
}
