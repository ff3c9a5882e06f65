import vine from '@vinejs/vine'
import { isValidCpf } from '@brazilian-utils/brazilian-utils'
import { PAYMENT_STATUSES } from '#enums/payments'
import type { CheckoutFieldsConfig } from '#types/step_content'

/** Digits only. */
export const digits = (value: string) => value.replace(/\D/g, '')

/** A CPF with valid check digits (11 digits, not all equal); dots and dash allowed. */
const cpfRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const plain = digits(value)
  if (!/^[\d.\-\s]+$/.test(value) || plain.length !== 11 || !isValidCpf(plain)) {
    field.report('', 'cpf', field)
  }
})

/** A Brazilian phone: area code (11–99) and 8 or 9 digits, any punctuation. */
const phoneRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const plain = digits(value).replace(/^55(?=\d{10,11}$)/, '')
  if (!/^[1-9][1-9]\d{8,9}$/.test(plain)) field.report('', 'phone', field)
})

function customerSchema(fields: CheckoutFieldsConfig) {
  const name = vine.string().trim().minLength(2).maxLength(255)
  const email = vine.string().trim().maxLength(255).email()
  const phone = vine
    .string()
    .trim()
    .use(phoneRule())
    .transform((value) => digits(value).replace(/^55(?=\d{10,11}$)/, ''))
  const cpf = vine.string().trim().use(cpfRule()).transform(digits)
  return {
    name: fields.name ? name : name.optional(),
    email: fields.email ? email : email.optional(),
    phone: fields.phone ? phone : phone.optional(),
    cpf: fields.cpf ? cpf : cpf.optional(),
  }
}

const bumps = () => vine.array(vine.number().withoutDecimals().min(0)).maxLength(10).distinct()

/**
 * The landing the tracking script remembered for the visitor's session (first page opened, with
 * its UTMs and click ids) and its referrer: the payment keeps its own copy of the attribution.
 */
const tracking = () =>
  vine
    .object({
      landingUrl: vine.string().trim().maxLength(2000).optional(),
      referrer: vine.string().trim().maxLength(2000).optional(),
    })
    .optional()

/** A coupon code as typed (checked against the workspace's coupons by PriceCheckout). */
const coupon = () => vine.string().trim().maxLength(40).optional()

const customers = new Map<string, ReturnType<typeof compileCustomer>>()
const compileCustomer = (fields: CheckoutFieldsConfig) =>
  vine.compile(
    vine.object({
      ...customerSchema(fields),
      bumps: bumps().optional(),
      tracking: tracking(),
      coupon: coupon(),
    })
  )

/**
 * The buyer's data as the checkout asks for it: the fields the checkout shows are required,
 * CPF check digits and Brazilian phones are validated, values come out as digits. One compiled
 * validator per combination of fields (16 at most).
 */
export function checkoutSubmitValidator(fields: CheckoutFieldsConfig) {
  const key = (['name', 'email', 'phone', 'cpf'] as const).map((f) => (fields[f] ? 1 : 0)).join('')
  let validator = customers.get(key)
  if (!validator) {
    validator = compileCustomer(fields)
    customers.set(key, validator)
  }
  return validator
}

export type CheckoutSubmitInput = Awaited<
  ReturnType<ReturnType<typeof checkoutSubmitValidator>['validate']>
>

/** `POST /api/payments/create`: which checkout, who buys (validated per checkout), which bumps. */
export const createPaymentValidator = vine.create({
  funnelId: vine.number().withoutDecimals().positive(),
  stepId: vine.number().withoutDecimals().positive(),
  customer: vine.object({}).allowUnknownProperties(),
  bumps: bumps().optional(),
  visitorId: vine.string().trim().uuid().optional(),
  coupon: coupon(),
})

/** `POST /_funil/checkout/:stepId/coupon`: the "Aplicar" button (code and ticked bumps). */
export const applyCouponValidator = vine.create({
  coupon: vine.string().trim().minLength(1).maxLength(40),
  bumps: bumps().optional(),
})

/** Marking a sandbox payment as the gateway would: paid or refused. */
export const markSandboxValidator = vine.create({
  status: vine.enum(['paid', 'refused'] as const),
})

/** Filters of the admin payments list. */
export const paymentFiltersValidator = vine.create({
  status: vine.enum(PAYMENT_STATUSES).optional(),
  funnelId: vine.number().withoutDecimals().positive().optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})
