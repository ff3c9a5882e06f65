import type { Data } from '@generated/data'
import type { PageMeta } from '#services/pagination'

/**
 * The funnels pages' records: the types `node ace codegen` generates from FunnelTransformer
 * and StepTransformer (.adonisjs/client/data.d.ts), so a renamed or retyped field fails
 * `npm run typecheck` here rather than at run time. Nothing below is written by hand but the
 * order of the step types in the "add step" menu.
 */
export type FunnelRow = Data.Funnel
export type FunnelDetail = Data.Funnel.Variants['detail']
export type FunnelStatus = FunnelRow['status']
/** A step inside the builder's funnel detail (with its public URL). */
export type Step = FunnelDetail['steps'][number]
export type StepType = Step['stepType']

export const STEP_TYPES: readonly StepType[] = ['capture', 'vsl', 'checkout', 'upsell', 'thankyou']

export type Paginated<Row> = { data: Row[]; meta: PageMeta }

/** The list page's own props (FunnelsController.index builds them; `inertia.render` checks them). */
export type CloneTarget = { id: number; name: string; slug: string }
export type FunnelFilters = { search: string; archived: boolean; active: boolean | null }
