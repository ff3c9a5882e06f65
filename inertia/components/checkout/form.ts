/**
 * The checkout editor's form state and its translation to the API's shape
 * (`PUT /w/:slug/funnels/:funnelId/checkout/:stepId`). Optional texts are '' in the form and
 * null on the wire; prices are integer cents throughout.
 */

export type FieldsConfig = {
  name: boolean
  email: boolean
  phone: boolean
  cpf: boolean
}

export type Testimonial = {
  name: string
  text: string
  photoUrl: string | null
}

export type OrderBump = {
  name: string
  priceCents: number
  description: string | null
  imageUrl: string | null
}

/** The configuration as the server sends it (CheckoutConfigTransformer). */
export type CheckoutConfig = {
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

export type CheckoutForm = {
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

/** A control's id (`bump-0-price`, `testimonial-2-text`) → the API's field path, for rows. */
export function rowFieldKey(id: string): string | null {
  const bump = /^bump-(\d+)-(name|price|description|image)$/.exec(id)
  if (bump) {
    const field = {
      name: 'name',
      price: 'priceCents',
      description: 'description',
      image: 'imageUrl',
    }
    return `orderBumps.${bump[1]}.${field[bump[2] as keyof typeof field]}`
  }
  const testimonial = /^testimonial-(\d+)-(name|text|photo)$/.exec(id)
  if (testimonial) {
    const field = { name: 'name', text: 'text', photo: 'photoUrl' }
    return `testimonials.${testimonial[1]}.${field[testimonial[2] as keyof typeof field]}`
  }
  return null
}

/** Whether an error path belongs to a testimonial or order bump row. */
export const isRowField = (key: string) => /^(orderBumps|testimonials)\.\d+\./.test(key)

/** The required fields a row still misses (the server's rules, checked here for new rows). */
export function missingRowFields(form: CheckoutForm): string[] {
  const missing: string[] = []
  form.orderBumps.forEach((bump, i) => {
    if (!bump.name.trim()) missing.push(`orderBumps.${i}.name`)
    if (!(bump.priceCents >= 1)) missing.push(`orderBumps.${i}.priceCents`)
  })
  form.testimonials.forEach((item, i) => {
    if (!item.name.trim()) missing.push(`testimonials.${i}.name`)
    if (!item.text.trim()) missing.push(`testimonials.${i}.text`)
  })
  return missing
}

/**
 * The live preview's body: rows still missing a required field are left out, so adding an
 * order bump or a testimonial never turns the preview into a validation error (and freezes
 * it) before the user has typed; the save sends everything and the server judges.
 */
export function toPreviewPayload(form: CheckoutForm) {
  const missing = new Set(missingRowFields(form).map((key) => key.split('.').slice(0, 2).join('.')))
  return toPayload({
    ...form,
    orderBumps: form.orderBumps.filter((_, i) => !missing.has(`orderBumps.${i}`)),
    testimonials: form.testimonials.filter((_, i) => !missing.has(`testimonials.${i}`)),
  })
}
