import type { Data } from '@generated/data'

/** The type menu's order. */
export const PIXEL_TYPES: readonly Data.Pixel['pixelType'][] = [
  'facebook',
  'google',
  'tiktok',
  'custom',
]
