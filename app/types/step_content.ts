/**
 * What each step type's `content` (jsonb) holds, and the checkout configuration. One contract
 * for the builder (validators), the step renderer (admin preview and public pages) and the API.
 * Money is always integer cents.
 */
export interface CaptureContent {
  headline: string
  text?: string
  /** Which fields the form asks for, in order. */
  fields: Array<'name' | 'email' | 'phone'>
  buttonLabel: string
  /** Where the form goes next; defaults to the next active step. */
  nextStepId?: number | null
}

export interface VslContent {
  headline?: string
  /** YouTube, Vimeo or a direct .mp4 URL. */
  videoUrl: string
  ctaLabel: string
  /** Seconds after which the call to action appears. */
  ctaDelaySeconds: number
  nextStepId?: number | null
}

/** The checkout step itself shows its CheckoutConfig; content only adds texts around it. */
export interface CheckoutContent {
  headline?: string
  text?: string
}

export interface UpsellContent {
  headline: string
  text?: string
  offer: { name: string; description?: string; priceCents: number; imageUrl?: string | null }
  acceptLabel: string
  declineLabel: string
  /** Where accepting and declining lead (steps of the same funnel). */
  acceptStepId?: number | null
  declineStepId?: number | null
}

export interface ThankyouContent {
  message: string
  links: Array<{ label: string; url: string }>
}

export type StepContent =
  CaptureContent | VslContent | CheckoutContent | UpsellContent | ThankyouContent

export interface OrderBump {
  name: string
  priceCents: number
  description?: string
  imageUrl?: string | null
}

export interface CheckoutFieldsConfig {
  name: boolean
  email: boolean
  phone: boolean
  cpf: boolean
}

export interface CheckoutDesignConfig {
  primaryColor?: string
  backgroundColor?: string
  logoUrl?: string | null
  /** 0 hides the countdown. */
  countdownMinutes?: number
  guaranteeText?: string | null
  testimonials?: Array<{ name: string; text: string; photoUrl?: string | null }>
}

export interface CheckoutUpsellConfig {
  /** The upsell step the buyer goes to after paying (else the next step). */
  stepId?: number | null
}
