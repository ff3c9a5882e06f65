import vine from '@vinejs/vine'

/** At most this many arms (control included): more splits the traffic too thin to conclude. */
export const MAX_SPLIT_VARIANTS = 5

const variantName = () => vine.string().trim().minLength(1).maxLength(100)
/** A relative share of the traffic, 0 (no new visitors) to 100. */
const weight = () => vine.number().withoutDecimals().min(0).max(100)

/**
 * `POST …/steps/:step_id/split-tests`: the first variant is the control (the step itself), the
 * others start as copies of the step. Without `variants`: control and one challenger, 50/50.
 */
export const createSplitTestValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(255).optional(),
  variants: vine
    .array(vine.object({ name: variantName(), weight: weight() }))
    .minLength(2)
    .maxLength(MAX_SPLIT_VARIANTS)
    .optional(),
})

/** `PUT /split-tests/:id`: the test's name and its variants' names and weights. */
export const updateSplitTestValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(255).optional(),
  variants: vine
    .array(
      vine.object({
        id: vine.number().withoutDecimals().positive(),
        name: variantName().optional(),
        weight: weight().optional(),
      })
    )
    .minLength(1)
    .maxLength(MAX_SPLIT_VARIANTS)
    .optional(),
})

/**
 * `PUT /split-tests/:id/variants/:variant_id`: a challenger's own content (checked against the
 * step's type) and, on a checkout, its own checkout configuration (checked like the step's).
 */
export const updateSplitVariantValidator = vine.create({
  name: variantName().optional(),
  weight: weight().optional(),
  content: vine.object({}).allowUnknownProperties().optional(),
  checkoutConfig: vine.object({}).allowUnknownProperties().optional(),
})

/** `POST /split-tests/:id/winner`. */
export const declareWinnerValidator = vine.create({
  variantId: vine.number().withoutDecimals().positive(),
})
