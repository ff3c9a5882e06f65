/** The funnels pages' records, as FunnelTransformer and StepTransformer send them. */
export type StepType = 'capture' | 'vsl' | 'checkout' | 'upsell' | 'thankyou'

export const STEP_TYPES: readonly StepType[] = ['capture', 'vsl', 'checkout', 'upsell', 'thankyou']

export type FunnelStatus = 'active' | 'inactive' | 'archived'

export interface FunnelRow {
  id: number
  name: string
  slug: string
  description: string | null
  niche: string | null
  isActive: boolean
  status: FunnelStatus
  settings: Record<string, unknown>
  stepsCount: number
  publicUrl: string
  archivedAt: string | null
  createdAt: string | null
  updatedAt: string | null
}

export interface Step {
  id: number
  funnelId: number
  name: string
  slug: string
  stepType: StepType
  orderIndex: number
  isActive: boolean
  settings: Record<string, unknown>
  content: Record<string, unknown>
  version: number
  createdAt: string | null
  updatedAt: string | null
  /** Where visitors open this step (the builder's funnel detail sends it; step endpoints do not). */
  publicUrl?: string
}

export interface FunnelDetail extends FunnelRow {
  steps: Step[]
}

export interface Paginated<Row> {
  data: Row[]
  meta: { total: number; perPage: number; currentPage: number; lastPage: number }
}

export interface CloneTarget {
  id: number
  name: string
  slug: string
}

export interface FunnelFilters {
  search: string
  archived: boolean
  active: boolean | null
}
