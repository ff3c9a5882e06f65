/**
 * The checkout editor's form state and its translation to the API's shape
 * (`PUT /w/:slug/funnels/:funnelId/checkout/:stepId`). Optional texts are '' in the form and
 * null on the wire; prices are integer cents throughout.
 */

export interface FieldsConfig {
  name: boolean
  email: boolean
  phone: boolean
  cpf: boolean
}

export interface Testimonial {
  name: string
  text: string
  photoUrl: string | null
}

export interface OrderBump {
  name: string
  priceCents: number
  description: string | null
  imageUrl: string | null
}

/** The configuration as the server sends it (CheckoutConfigTransformer). */
export interface CheckoutConfig {
  id: number | null
  exists: boolean
  funnelId: number
  stepId: number
  productName: string
  productPriceCents: number
  currency: 'BRL'
  paymentMethods: Array<'pix'>
  fieldsConfig: FieldsConfig
  designConfig: {
    primaryColor: string
    backgroundColor: string
    logoUrl: string | null
    countdownMinutes: number
    guaranteeText: string | null
    testimonials: Testimonial[]
  }
  orderBumps: OrderBump[]
  upsellConfig: { stepId: number | null }
  updatedAt: string | null
}

export interface CheckoutForm {
  productName: string
  productPriceCents: number
  fieldsConfig: FieldsConfig
  primaryColor: string
  backgroundColor: string
  logoUrl: string
  countdownMinutes: string
  guaranteeText: string
  testimonials: Array<{ name: string; text: string; photoUrl: string }>
  orderBumps: Array<{ name: string; priceCents: number; description: string; imageUrl: string }>
  upsellStepId: string
}

export const MAX_TESTIMONIALS = 10
export const MAX_ORDER_BUMPS = 5

export function toForm(config: CheckoutConfig): CheckoutForm {
  const design = config.designConfig
  return {
    productName: config.productName,
    productPriceCents: config.productPriceCents,
    fieldsConfig: { ...config.fieldsConfig },
    primaryColor: design.primaryColor,
    backgroundColor: design.backgroundColor,
    logoUrl: design.logoUrl ?? '',
    countdownMinutes: String(design.countdownMinutes),
    guaranteeText: design.guaranteeText ?? '',
    testimonials: design.testimonials.map((item) => ({
      name: item.name,
      text: item.text,
      photoUrl: item.photoUrl ?? '',
    })),
    orderBumps: config.orderBumps.map((bump) => ({
      name: bump.name,
      priceCents: bump.priceCents,
      description: bump.description ?? '',
      imageUrl: bump.imageUrl ?? '',
    })),
    upsellStepId: config.upsellConfig.stepId === null ? '' : String(config.upsellConfig.stepId),
  }
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** The body of the save and preview requests. */
export function toPayload(form: CheckoutForm) {
  const minutes = form.countdownMinutes.trim()
  return {
    productName: form.productName,
    productPriceCents: form.productPriceCents,
    currency: 'BRL',
    paymentMethods: ['pix'],
    fieldsConfig: form.fieldsConfig,
    designConfig: {
      primaryColor: form.primaryColor,
      backgroundColor: form.backgroundColor,
      logoUrl: orNull(form.logoUrl),
      countdownMinutes: minutes === '' ? 0 : Number(minutes),
      guaranteeText: orNull(form.guaranteeText),
      testimonials: form.testimonials.map((item) => ({
        name: item.name,
        text: item.text,
        photoUrl: orNull(item.photoUrl),
      })),
    },
    orderBumps: form.orderBumps.map((bump) => ({
      name: bump.name,
      priceCents: bump.priceCents,
      description: orNull(bump.description),
      imageUrl: orNull(bump.imageUrl),
    })),
    upsellConfig: { stepId: form.upsellStepId === '' ? null : Number(form.upsellStepId) },
  }
}

/**
 * Field errors come keyed by the API's paths (`designConfig.logoUrl`, `orderBumps.0.name`);
 * this maps them to the form's own keys.
 */
export function formErrorKey(apiField: string) {
  return apiField.replace(/^designConfig\./, '').replace(/^upsellConfig\.stepId$/, 'upsellStepId')
}

/** The CSRF token Shield leaves in the `XSRF-TOKEN` cookie, for requests made with fetch(). */
export function xsrfToken() {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='))
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : ''
}
