import type { StepType } from '#enums/funnels'
import type { StepPage } from './step_page.js'

/**
 * A funnel as plain data, independent of any workspace: what a clone reads from the original,
 * what an agency template stores (`funnel_templates.snapshot`, jsonb) and what a built-in
 * template (database/templates) declares. `materializeFunnel` turns it into rows.
 *
 * Steps are addressed by `ref`, a number unique inside the snapshot (the original step id for
 * a copy or a saved template, 1…n for a built-in one). Every step reference inside it — content
 * `nextStepId` / `acceptStepId` / `declineStepId`, the checkout's `upsellConfig.stepId`, a page
 * button's `stepId`, a pixel's step — holds a ref, and becomes the new step's id on apply.
 * Never inside: payments, visitors, credentials; pixels only in a clone (a template has none).
 * Money is integer cents.
 */
export interface FunnelSnapshot {
  /** Bumped when the shape changes, so stored templates can be upgraded on read. */
  version: 1
  funnel: {
    name: string
    description: string | null
    niche: string | null
    settings: Record<string, unknown>
  }
  /** In funnel order. */
  steps: SnapshotStep[]
  checkoutConfigs: SnapshotCheckoutConfig[]
  /** Tracking pixels: a clone copies them, a template never carries them (ids of ad accounts). */
  pixels?: SnapshotPixel[]
}

export interface SnapshotStep {
  ref: number
  name: string
  slug: string
  stepType: StepType
  isActive: boolean
  settings: Record<string, unknown>
  content: Record<string, unknown>
  /** The block page (issue 18); null/absent: the step shows its content's default layout. */
  page?: StepPage | null
}

export interface SnapshotCheckoutConfig {
  stepRef: number
  productName: string
  productPriceCents: number
  currency: string
  paymentMethods: string[]
  fieldsConfig: Record<string, unknown>
  designConfig: Record<string, unknown>
  orderBumps: Array<Record<string, unknown>>
  upsellConfig: Record<string, unknown>
}

export interface SnapshotPixel {
  stepRef: number | null
  attributes: Record<string, unknown>
}
