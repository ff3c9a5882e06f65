import type { Data } from '@generated/data'

/** The order of the step types in the "add step" menu and the step editor. */
export const STEP_TYPES: readonly Data.Step['stepType'][] = [
  'capture',
  'vsl',
  'checkout',
  'upsell',
  'thankyou',
]
