import type { JsonObject } from '~/types'
/** The funnels pages' records, as FunnelTransformer and StepTransformer send them. */
export type StepType = 'capture' | 'vsl' | 'checkout' | 'upsell' | 'thankyou'

export const STEP_TYPES: readonly StepType[] = ['capture', 'vsl', 'checkout', 'upsell', 'thankyou']

export type FunnelStatus = 'active' | 'inactive' | 'archived'

export type FunnelRow = {
  id: number
  name: string
  slug: string
  description: string | null
  niche: string | null
  isActive: boolean
  status: FunnelStatus
  settings: JsonObject
  stepsCount: number
  publicUrl: string
  archivedAt: string | null
  createdAt: string | null
  updatedAt: string | null
}

export type Step = {
  id: number
  funnelId: number
  name: string
  slug: string
  stepType: StepType
  orderIndex: number
  isActive: boolean
  settings: JsonObject
  content: JsonObject
  version: number
  createdAt: string | null
  updatedAt: string | null
  /** Where visitors open this step (the builder's funnel detail sends it; step endpoints do not). */
  publicUrl?: string
}

export type FunnelDetail = FunnelRow & {
  steps: Step[]
}

export type Paginated<Row> = {
  data: Row[]
  meta: { total: number; perPage: number; currentPage: number; lastPage: number }
}

export type CloneTarget = {
  id: number
  name: string
  slug: string
}

export type FunnelFilters = {
  search: string
  archived: boolean
  active: boolean | null
}
