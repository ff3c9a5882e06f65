import type Workspace from '#models/workspace'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'
import CheckoutConfig from '#models/checkout_config'
import { publish } from '#tests/helpers/publish'
import { PaymentFactory } from '#database/factories/payment_factory'
import queue from '#services/queue'
import { QUEUES } from '#queues/definitions'

/** A valid buyer (CPF from docs/integrations/dataget.md). */
export const BUYER = {
  name: 'Maria da Silva',
  email: 'maria@exemplo.com.br',
  phone: '(11) 91234-5678',
  cpf: '529.982.247-25',
}

/**
 * A funnel (capture → checkout → upsell → thank-you) whose checkout sells a R$ 197,00 product
 * with two order bumps (R$ 29,90 and R$ 47,00), published.
 */
export async function sellingFunnel(workspace: Workspace) {
  const made = await checkoutFunnel(workspace, { withConfig: true })
  await CheckoutConfig.query()
    .where('id', made.config!.id)
    .update({
      order_bumps: JSON.stringify([
        { name: 'Apostila impressa', priceCents: 2990, description: null, imageUrl: null },
        { name: 'Planilha de custos', priceCents: 4700, description: null, imageUrl: null },
      ]),
      fields_config: JSON.stringify({ name: true, email: true, phone: true, cpf: true }),
    })
  await publish(made.funnel)
  return made
}

/** A payment of the workspace (sandbox, pending unless merged otherwise). */
export function aPayment(workspace: Workspace, merge: Record<string, unknown> = {}) {
  return PaymentFactory.merge({ workspaceId: workspace.id, ...merge }).create()
}

/** Empties this environment's queues, so a test's worker sees only its own jobs. */
export async function emptyQueues() {
  for (const name of Object.values(QUEUES)) {
    await queue.queue(name).obliterate({ force: true })
  }
}
