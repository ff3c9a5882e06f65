/**
 * A step's page as the block editor builds it: ordered sections, each an ordered list of blocks.
 * One contract for the editor (inertia), the validators (VineJS, one schema per block type), the
 * server renderer (Edge partials, one per block type) and the migration from the older
 * per-type `content`. Stored in `funnel_steps.page` (jsonb). Money is integer cents.
 *
 * What a block *sells* (the upsell offer's price, the checkout's product and bumps, the capture
 * form's fields and where it leads) stays in the step's `content` / checkout configuration: the
 * form and offer blocks only place and label them, so payments never read prices from layout.
 */

/** Every block carries a stable id (nanoid-like, unique within the page) for drag and drop. */
interface BlockBase {
  id: string
}

export interface HeadlineBlock extends BlockBase {
  type: 'headline'
  text: string
  /** 1 is the page title (one per page is expected, not enforced). */
  level: 1 | 2 | 3
  align: 'left' | 'center'
}

/** Plain text; blank lines make paragraphs. Never HTML: the renderer escapes it. */
export interface TextBlock extends BlockBase {
  type: 'text'
  text: string
  align: 'left' | 'center'
}

export interface ImageBlock extends BlockBase {
  type: 'image'
  /** https only (safeMediaUrl). */
  url: string
  alt: string
}

export interface VideoBlock extends BlockBase {
  type: 'video'
  /** YouTube, Vimeo or a direct .mp4 (videoEmbed). Empty shows a placeholder in preview only. */
  url: string
}

export interface ButtonBlock extends BlockBase {
  type: 'button'
  label: string
  /** `next`: the funnel's next step (or `stepId`); `url`: an external https link. */
  action: 'next' | 'url'
  stepId?: number | null
  url?: string | null
  /** Seconds before the button appears (the VSL's delayed call to action); 0 shows it at once. */
  delaySeconds: number
}

export interface CountdownBlock extends BlockBase {
  type: 'countdown'
  minutes: number
  label: string
}

export interface TestimonialsBlock extends BlockBase {
  type: 'testimonials'
  items: Array<{ name: string; text: string; photoUrl?: string | null }>
}

export interface GuaranteeBlock extends BlockBase {
  type: 'guarantee'
  days: number
  text: string
}

export interface FaqBlock extends BlockBase {
  type: 'faq'
  items: Array<{ question: string; answer: string }>
}

export interface BulletsBlock extends BlockBase {
  type: 'bullets'
  items: string[]
}

export interface DividerBlock extends BlockBase {
  type: 'divider'
}

export interface SpacerBlock extends BlockBase {
  type: 'spacer'
  size: 'sm' | 'md' | 'lg'
}

/** The capture form: fields, button label and next step come from the step's content. */
export interface CaptureFormBlock extends BlockBase {
  type: 'capture_form'
}

/** The checkout form (identity fields, bumps, coupon, PIX button) from the checkout configuration. */
export interface CheckoutFormBlock extends BlockBase {
  type: 'checkout_form'
}

/** The upsell offer (name, description, image, price, accept/decline) from the step's content. */
export interface UpsellOfferBlock extends BlockBase {
  type: 'upsell_offer'
}

/** The checkout's order summary (product, bumps, total) from the checkout configuration. */
export interface OrderSummaryBlock extends BlockBase {
  type: 'order_summary'
}

export type PageBlock =
  | HeadlineBlock
  | TextBlock
  | ImageBlock
  | VideoBlock
  | ButtonBlock
  | CountdownBlock
  | TestimonialsBlock
  | GuaranteeBlock
  | FaqBlock
  | BulletsBlock
  | DividerBlock
  | SpacerBlock
  | CaptureFormBlock
  | CheckoutFormBlock
  | UpsellOfferBlock
  | OrderSummaryBlock

export type BlockType = PageBlock['type']

export interface PageSection {
  id: string
  /** A #rrggbb background; null uses the page's. */
  background: string | null
  blocks: PageBlock[]
}

export interface StepPage {
  /** Bumped when the shape changes, so old documents can be upgraded on read. */
  version: 1
  sections: PageSection[]
}

export const BLOCK_TYPES: readonly BlockType[] = [
  'headline',
  'text',
  'image',
  'video',
  'button',
  'countdown',
  'testimonials',
  'guarantee',
  'faq',
  'bullets',
  'divider',
  'spacer',
  'capture_form',
  'checkout_form',
  'upsell_offer',
  'order_summary',
] as const

/**
 * The block a step type cannot lose (the editor hides its delete action, the validator refuses
 * a page without it). VSL and thank-you pages have no required block.
 */
export const REQUIRED_BLOCK: Record<string, BlockType | null> = {
  capture: 'capture_form',
  vsl: null,
  checkout: 'checkout_form',
  upsell: 'upsell_offer',
  thankyou: null,
}

/** Blocks that only make sense on one step type (the palette offers them there only). */
export const BLOCK_STEP_TYPES: Partial<Record<BlockType, string[]>> = {
  capture_form: ['capture'],
  checkout_form: ['checkout'],
  order_summary: ['checkout'],
  upsell_offer: ['upsell'],
}
