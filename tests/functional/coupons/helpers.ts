import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'
import type Coupon from '#models/coupon'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { sellingFunnel } from '#tests/functional/payments/helpers'

export const json = { 'content-type': 'application/json', 'accept': 'application/json' }

/** A valid CPF (check digits computed) for buyer `n`: distinct buyers, distinct CPFs. */
export function cpfFor(n: number) {
  const base = String(100000000 + n * 7919)
    .slice(0, 9)
    .split('')
    .map(Number)
  const digit = (digits: number[]) => {
    const sum = digits.reduce((total, d, i) => total + d * (digits.length + 1 - i), 0)
    const rest = (sum * 10) % 11
    return rest === 10 ? 0 : rest
  }
  const first = digit(base)
  const second = digit([...base, first])
  return [...base, first, second].join('')
}

/** A buyer; `n` picks the e-mail and CPF so buyers differ. */
export function buyer(n = 0, merge: Record<string, unknown> = {}) {
  return {
    name: 'Maria da Silva',
    email: `maria${n}@exemplo.com.br`,
    phone: '(11) 91234-5678',
    cpf: cpfFor(n),
    ...merge,
  }
}

/** A workspace on `<slug>.localhost` selling R$ 197,00 with bumps of R$ 29,90 and R$ 47,00. */
export async function couponShop(slug = 'acme') {
  const tenant = await createTenant({ workspaceSlug: slug })
  const made = await sellingFunnel(tenant.workspace)
  return { ...tenant, ...made, host: `${slug}.localhost` }
}

/** A coupon of the workspace (10 % off, no limits unless merged). */
export function aCoupon(workspace: Workspace, merge: Partial<Record<keyof Coupon, unknown>> = {}) {
  return workspace.related('coupons').create({
    code: 'BLACK10',
    discountType: 'percent',
    percentOff: 10,
    amountOffCents: null,
    isActive: true,
    usesCount: 0,
    ...merge,
  } as any)
}

export const past = () => DateTime.now().minus({ minutes: 1 })

/** `POST /_funil/checkout/:stepId` as the page's script sends it. */
export async function submitCheckout(host: string, stepId: number, body: Record<string, unknown>) {
  const response = await siteRequest(host, `/_funil/checkout/${stepId}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  })
  return { status: response.status, body: JSON.parse(response.body || '{}') }
}

/** `POST /_funil/checkout/:stepId/coupon`: the "Aplicar" button. */
export async function applyCoupon(host: string, stepId: number, body: Record<string, unknown>) {
  const response = await siteRequest(host, `/_funil/checkout/${stepId}/coupon`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  })
  return { status: response.status, body: JSON.parse(response.body || '{}') }
}
