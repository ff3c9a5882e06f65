import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import TrackingPixel from '#models/tracking_pixel'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import WorkspaceAccess from '#services/workspace_access'
import { DomainError } from '#exceptions/domain_error'
import { RESERVED_FUNNEL_SLUGS, freeSlug } from '#validators/funnel'
import { STEP_REFERENCE_KEYS } from '#validators/step'
import { t, type Locale } from '#services/i18n'
import { workspaceTable } from '#services/tenancy'

interface Params {
  source: Funnel
  target: Workspace
  user?: User | null
  /** The copy's name; "<name> (cópia)" by default. */
  name?: string
  locale?: Locale
}

/** Columns a copy never takes from its original. */
const OWN_COLUMNS = ['id', 'createdAt', 'updatedAt']

/** A row's attributes without its identity, ready to be inserted as a new row. */
function attributesOf(row: { $attributes: Record<string, unknown> }) {
  return Object.fromEntries(
    Object.entries(row.$attributes).filter(([key]) => !OWN_COLUMNS.includes(key))
  )
}

/**
 * Copies a funnel with its steps, checkout configs and tracking pixels, in one transaction,
 * into the same workspace or another workspace of the same agency. The copy gets a fresh slug
 * (`black-friday-copia`, `-copia-2`…) and every step id inside it (step contents' next / accept
 * / decline, checkout `upsellConfig.stepId`, pixels' step) points to the copied steps.
 */
export default class CloneFunnel {
  static async handle({ source, target, user, name, locale = 'pt-BR' }: Params) {
    return db.transaction(async (trx) => {
      /** Blocks step writes on the source while it is read, so the copy is consistent. */
      const original = await Funnel.forWorkspace(source.workspaceId, { client: trx })
        .where('id', source.id)
        .forShare()
        .firstOrFail()

      const steps = await FunnelStep.forWorkspace(original.workspaceId, { client: trx })
        .where('funnel_id', original.id)
        .orderBy('order_index')
      const configs = await CheckoutConfig.forWorkspace(original.workspaceId, { client: trx })
        .where('funnel_id', original.id)
        .orderBy('id')
      const pixels = await TrackingPixel.forWorkspace(original.workspaceId, { client: trx })
        .where('funnel_id', original.id)
        .orderBy('id')

      const copy = await Funnel.create(
        {
          ...attributesOf(original),
          workspaceId: target.id,
          name: name ?? t(locale, 'funnels.clone.default_name', { name: original.name }),
          slug: await this.#copySlug(trx, target, original.slug),
          archivedAt: null,
          createdBy: user?.id ?? null,
        },
        { client: trx }
      )

      /** Old step id → new step id. Steps are inserted first, their references fixed after. */
      const stepIds = new Map<number, number>()
      const copiedSteps: FunnelStep[] = []
      for (const step of steps) {
        const created = await FunnelStep.create(
          { ...attributesOf(step), workspaceId: target.id, funnelId: copy.id, version: 1 },
          { client: trx }
        )
        stepIds.set(step.id, created.id)
        copiedSteps.push(created)
      }
      const remap = (id: unknown): number | null =>
        typeof id === 'number' ? (stepIds.get(id) ?? null) : null

      for (const step of copiedSteps) {
        const content = { ...(step.content ?? {}) }
        const keys = STEP_REFERENCE_KEYS.filter((key) => content[key] !== undefined)
        if (keys.length === 0) continue
        for (const key of keys) content[key] = remap(content[key])
        step.content = content
        await step.useTransaction(trx).save()
      }

      for (const config of configs) {
        const upsellConfig: Record<string, unknown> = { ...(config.upsellConfig ?? {}) }
        if (upsellConfig.stepId !== undefined) upsellConfig.stepId = remap(upsellConfig.stepId)
        await CheckoutConfig.create(
          {
            ...attributesOf(config),
            workspaceId: target.id,
            funnelId: copy.id,
            stepId: stepIds.get(config.stepId)!,
            upsellConfig: upsellConfig as CheckoutConfig['upsellConfig'],
          },
          { client: trx }
        )
      }

      for (const pixel of pixels) {
        await TrackingPixel.create(
          {
            ...attributesOf(pixel),
            workspaceId: target.id,
            funnelId: copy.id,
            stepId: pixel.stepId === null ? null : (stepIds.get(pixel.stepId) ?? null),
          },
          { client: trx }
        )
      }

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
