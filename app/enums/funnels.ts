export const STEP_TYPES = ['capture', 'vsl', 'checkout', 'upsell', 'thankyou'] as const
export type StepType = (typeof STEP_TYPES)[number]

export const PIXEL_TYPES = ['facebook', 'google', 'tiktok', 'custom'] as const
export type PixelType = (typeof PIXEL_TYPES)[number]

export const CREDENTIAL_SERVICES = [
  'skalepay',
  'utmify',
  'dataget',
  'meta_capi',
  'tiktok_events',
  'ga4',
] as const
export type CredentialService = (typeof CREDENTIAL_SERVICES)[number]

export const VISITOR_EVENT_TYPES = [
  'page_view',
  'form_submit',
  'checkout_view',
  'heartbeat',
  'leave',
  'payment_init',
  'payment_complete',
] as const
export type VisitorEventType = (typeof VISITOR_EVENT_TYPES)[number]
