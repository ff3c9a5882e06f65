import type { Data } from '@generated/data'
import type { FunnelWithSteps } from '#actions/visitors/visitor_rows'

export type { PageMeta } from '#services/pagination'

/** What the pixels page receives: PixelTransformer's generated type. */
export type PixelRow = Data.Pixel
export type PixelType = PixelRow['pixelType']

/** The type menu's order. */
export const PIXEL_TYPES: readonly PixelType[] = ['facebook', 'google', 'tiktok', 'custom']

/** A funnel and its steps, for the funnel and step selects. */
export type FunnelOption = FunnelWithSteps
