import { DomainError } from '#exceptions/domain_error'
import { sumCents } from '#services/money'
import type { PaymentItem } from '#models/payment'
import type { CheckoutConfigData } from '#services/step_renderer/checkout_data'

/**
 * The lines of a checkout payment, priced on the server from the checkout configuration: the
 * product and the order bumps the buyer ticked (by index). The client never sends a price.
 */
export function checkoutItems(config: CheckoutConfigData, bumpIndexes: number[] = []) {
  const items: PaymentItem[] = [
    {
      kind: 'product',
      name: config.productName,
      priceCents: config.productPriceCents,
      quantity: 1,
    },
  ]
  for (const index of [...new Set(bumpIndexes)].sort((a, b) => a - b)) {
    const bump = config.orderBumps[index]
    if (!bump || bump.priceCents <= 0) {
      throw new DomainError(422, 'bump', 'payments.errors.unknown_bump', 'bumps')
    }
    items.push({ kind: 'bump', name: bump.name, priceCents: bump.priceCents, quantity: 1 })
  }
  return items
}

/** The single line of an upsell payment, priced from the upsell step's offer. */
export function upsellItems(content: Record<string, unknown>): PaymentItem[] {
  const offer = (content.offer ?? {}) as Record<string, unknown>
  const price = offer.priceCents
  if (typeof price !== 'number' || !Number.isSafeInteger(price) || price <= 0) {
    throw new DomainError(422, 'offer', 'payments.errors.no_offer')
  }
  const name = typeof offer.name === 'string' && offer.name.trim() ? offer.name : 'Oferta'
  return [{ kind: 'upsell', name, priceCents: price, quantity: 1 }]
}

/** Total of the lines, in cents. */
export function itemsTotal(items: PaymentItem[]) {
  return sumCents(items.map((item) => item.priceCents * item.quantity))
}
