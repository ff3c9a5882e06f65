/** What the pixels page receives (see app/transformers/pixel_transformer.ts). */
export type PixelType = 'facebook' | 'google' | 'tiktok' | 'custom'

export const PIXEL_TYPES: readonly PixelType[] = ['facebook', 'google', 'tiktok', 'custom']

export type PixelRow = {
  id: number
  pixelType: PixelType
  pixelId: string
  eventName: string | null
  isActive: boolean
  funnelId: number
  funnel: { id: number; name: string } | null
  stepId: number | null
  step: { id: number; name: string } | null
  settings: { snippet?: string }
  createdAt: string | null
  updatedAt: string | null
}

/** A funnel and its steps, for the funnel and step selects. */
export type FunnelOption = {
  id: number
  name: string
  steps: Array<{ id: number; name: string }>
}

export type PageMeta = {
  total: number
  perPage: number
  currentPage: number
  lastPage: number
}
