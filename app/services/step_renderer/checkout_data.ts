import type {
  CheckoutDesignConfig,
  CheckoutFieldsConfig,
  CheckoutUpsellConfig,
  OrderBump,
} from '../../types/step_content.js'

/**
 * A checkout configuration as plain data: what the API reads and writes, what the editor
 * previews before saving and what the renderer draws. Prices are integer cents.
 */
export interface CheckoutConfigData {
  productName: string
  productPriceCents: number
  currency: 'BRL'
  paymentMethods: Array<'pix'>
  fieldsConfig: CheckoutFieldsConfig
  designConfig: Required<Omit<CheckoutDesignConfig, 'testimonials'>> & {
    testimonials: Array<{ name: string; text: string; photoUrl: string | null }>
  }
  orderBumps: Array<Required<Omit<OrderBump, 'description'>> & { description: string | null }>
  upsellConfig: Required<CheckoutUpsellConfig>
}

export const DEFAULT_PRIMARY_COLOR = '#15803d'
export const DEFAULT_BACKGROUND_COLOR = '#f4f4f5'
/** R$ 97,00: a starting point the editor shows until the agency types the real price. */
export const DEFAULT_PRICE_CENTS = 9700

/** The configuration a checkout step shows before one is saved. */
export function defaultCheckoutConfig(step: { name: string }): CheckoutConfigData {
  return {
    productName: step.name,
    productPriceCents: DEFAULT_PRICE_CENTS,
    currency: 'BRL',
    paymentMethods: ['pix'],
    fieldsConfig: { name: true, email: true, phone: true, cpf: true },
    designConfig: {
      primaryColor: DEFAULT_PRIMARY_COLOR,
      backgroundColor: DEFAULT_BACKGROUND_COLOR,
      logoUrl: null,
      countdownMinutes: 0,
      guaranteeText: null,
      testimonials: [],
    },
    orderBumps: [],
    upsellConfig: { stepId: null },
  }
}

type Loose = object | null | undefined

const text = (value: unknown) => (typeof value === 'string' ? value : null)
const integer = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback

/**
 * Any stored or posted configuration (jsonb columns are schemaless) completed with the defaults,
 * so the renderer and the API never meet a missing key.
 */
export function normalizeCheckoutConfig(
  step: { name: string },
  input: {
    productName?: string | null
    productPriceCents?: number | null
    fieldsConfig?: Loose
    designConfig?: Loose
    orderBumps?: object[] | null
    upsellConfig?: Loose
  } | null
): CheckoutConfigData {
  const base = defaultCheckoutConfig(step)
  if (!input) return base
  const fields = (input.fieldsConfig ?? {}) as Record<string, unknown>
  const design = (input.designConfig ?? {}) as Record<string, unknown>
  const upsell = (input.upsellConfig ?? {}) as Record<string, unknown>
  const flag = (key: keyof CheckoutFieldsConfig) =>
    typeof fields[key] === 'boolean' ? (fields[key] as boolean) : base.fieldsConfig[key]

  return {
    productName: text(input.productName) ?? base.productName,
    productPriceCents: integer(input.productPriceCents, base.productPriceCents),
    currency: 'BRL',
    paymentMethods: ['pix'],
    fieldsConfig: {
      name: flag('name'),
      email: flag('email'),
      phone: flag('phone'),
      cpf: flag('cpf'),
    },
    designConfig: {
      primaryColor: text(design.primaryColor) ?? base.designConfig.primaryColor,
      backgroundColor: text(design.backgroundColor) ?? base.designConfig.backgroundColor,
      logoUrl: text(design.logoUrl),
      countdownMinutes: integer(design.countdownMinutes, 0),
      guaranteeText: text(design.guaranteeText),
      testimonials: (Array.isArray(design.testimonials) ? design.testimonials : []).map(
        (item: Record<string, unknown>) => ({
          name: text(item?.name) ?? '',
          text: text(item?.text) ?? '',
          photoUrl: text(item?.photoUrl),
        })
      ),
    },
    orderBumps: (Array.isArray(input.orderBumps) ? input.orderBumps : []).map((item) => {
      const bump = item as Record<string, unknown>
      return {
        name: text(bump?.name) ?? '',
        priceCents: integer(bump?.priceCents, 0),
        description: text(bump?.description),
        imageUrl: text(bump?.imageUrl),
      }
    }),
    upsellConfig: {
      stepId: typeof upsell.stepId === 'number' ? upsell.stepId : null,
    },
  }
}
