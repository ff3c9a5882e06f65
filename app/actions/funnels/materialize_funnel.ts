import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import TrackingPixel from '#models/tracking_pixel'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import type { StepType } from '#enums/funnels'
import { STEP_REFERENCE_KEYS } from '#validators/step'
import type { FunnelSnapshot, SnapshotStep } from '../../types/funnel_snapshot.js'
import type { StepPage } from '../../types/step_page.js'

/** Columns a copied pixel never takes from its original. */
const OWN_COLUMNS = ['id', 'workspaceId', 'funnelId', 'stepId', 'createdAt', 'updatedAt']

/**
 * A funnel's steps, pages, contents and checkout configurations (and, for a clone, its pixels)
 * as a snapshot whose refs are the original step ids. Reads inside `trx`, from the funnel's own
 * workspace; the caller locks the funnel when the copy must be consistent.
 */
export async function snapshotFunnel(
  trx: TransactionClientContract,
  funnel: Funnel,
  options: { pixels: boolean }
): Promise<FunnelSnapshot> {
  const steps = await FunnelStep.forWorkspace(funnel.workspaceId, { client: trx })
    .where('funnel_id', funnel.id)
    .orderBy('order_index')
  const configs = await CheckoutConfig.forWorkspace(funnel.workspaceId, { client: trx })
    .where('funnel_id', funnel.id)
    .orderBy('id')
  const pixels = options.pixels
    ? await TrackingPixel.forWorkspace(funnel.workspaceId, { client: trx })
        .where('funnel_id', funnel.id)
        .orderBy('id')
    : []

  return {
    version: 1,
    funnel: {
      name: funnel.name,
      description: funnel.description,
      niche: funnel.niche,
      settings: funnel.settings ?? {},
    },
    steps: steps.map((step) => ({
      ref: step.id,
      name: step.name,
      slug: step.slug,
      stepType: step.stepType,
      isActive: step.isActive,
      settings: step.settings ?? {},
      content: step.content ?? {},
      page: step.page ?? null,
    })),
    checkoutConfigs: configs.map((config) => ({
      stepRef: config.stepId,
      productName: config.productName,
      productPriceCents: config.productPriceCents,
      currency: config.currency,
      paymentMethods: config.paymentMethods,
      fieldsConfig: config.fieldsConfig ?? {},
      designConfig: config.designConfig ?? {},
      orderBumps: config.orderBumps ?? [],
      upsellConfig: config.upsellConfig ?? {},
    })),
    ...(options.pixels
      ? {
          pixels: pixels.map((pixel) => ({
            stepRef: pixel.stepId,
            attributes: Object.fromEntries(
              Object.entries(pixel.$attributes).filter(([key]) => !OWN_COLUMNS.includes(key))
            ),
          })),
        }
      : {}),
  }
}

interface MaterializeParams {
  workspace: Workspace
  snapshot: FunnelSnapshot
  /** The new funnel's name and slug (free in the workspace: the caller checked or derived it). */
  name: string
  slug: string
  isActive: boolean
  user?: User | null
  /** Extra funnel columns the caller sets (e.g. a draft state). */
  funnel?: Partial<Funnel>
}

/**
 * Creates a funnel from a snapshot inside `trx`: the funnel, its steps in order (version 1),
 * their pages and contents, the checkout configurations and any pixels, with every step ref
 * turned into the id of the step created for it (a ref to no step of the snapshot becomes null,
 * so a template can never point into someone else's funnel).
 */
export async function materializeFunnel(
  trx: TransactionClientContract,
  { workspace, snapshot, name, slug, isActive, user, funnel: extra }: MaterializeParams
) {
  const funnel = await Funnel.create(
    {
      workspaceId: workspace.id,
      name,
      slug,
      description: snapshot.funnel.description,
      niche: snapshot.funnel.niche,
      settings: snapshot.funnel.settings,
      isActive,
      archivedAt: null,
      createdBy: user?.id ?? null,
      ...extra,
    },
    { client: trx }
  )

  /** Ref → new step id. Steps are inserted first, their references fixed after. */
  const stepIds = new Map<number, number>()
  const created: Array<{ step: FunnelStep; source: SnapshotStep }> = []
  for (const [index, source] of snapshot.steps.entries()) {
    const step = await FunnelStep.create(
      {
        workspaceId: workspace.id,
        funnelId: funnel.id,
        name: source.name,
        slug: source.slug,
        stepType: source.stepType as StepType,
        orderIndex: index,
        isActive: source.isActive,
        settings: source.settings,
        content: source.content,
        version: 1,
      },
      { client: trx }
    )
    stepIds.set(source.ref, step.id)
    created.push({ step, source })
  }
  const remap = (ref: unknown): number | null =>
    typeof ref === 'number' ? (stepIds.get(ref) ?? null) : null

  for (const { step, source } of created) {
    const content = { ...source.content }
    for (const key of STEP_REFERENCE_KEYS) {
      if (content[key] !== undefined) content[key] = remap(content[key])
    }
    step.content = content
    step.page = source.page ? remapPage(source.page, remap) : null
    await step.useTransaction(trx).save()
  }

  for (const config of snapshot.checkoutConfigs) {
    const stepId = stepIds.get(config.stepRef)
    if (stepId === undefined) continue
    const upsellConfig = { ...config.upsellConfig }
    if (upsellConfig.stepId !== undefined) upsellConfig.stepId = remap(upsellConfig.stepId)
    await CheckoutConfig.create(
      {
        workspaceId: workspace.id,
        funnelId: funnel.id,
        stepId,
        productName: config.productName,
        productPriceCents: config.productPriceCents,
        currency: config.currency,
        paymentMethods: config.paymentMethods,
        fieldsConfig: config.fieldsConfig,
        designConfig: config.designConfig,
        orderBumps: config.orderBumps,
        upsellConfig,
      },
      { client: trx }
    )
  }

  for (const pixel of snapshot.pixels ?? []) {
    await TrackingPixel.create(
      {
        ...pixel.attributes,
        workspaceId: workspace.id,
        funnelId: funnel.id,
        stepId: pixel.stepRef === null ? null : remap(pixel.stepRef),
      },
      { client: trx }
    )
  }

  return funnel
}

/** The page with each button's `stepId` ref turned into the new step's id. */
function remapPage(page: StepPage, remap: (ref: unknown) => number | null): StepPage {
  return {
    ...page,
    sections: page.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((block) =>
        block.type === 'button' && block.stepId !== undefined && block.stepId !== null
          ? { ...block, stepId: remap(block.stepId) }
          : block
      ),
    })),
  }
}
