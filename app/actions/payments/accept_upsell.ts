import type Workspace from '#models/workspace'
import { publishedStep } from '#services/funnel_publication'
import { DomainError } from '#exceptions/domain_error'
import { upsellItems } from '#services/payment_items'
import CreatePixPayment from '#actions/payments/create_pix_payment'

/**
 * "Sim, eu quero" on an upsell step: a new PIX charge for the offer, pre-filled with the buyer
 * of the paid order (no re-typing), linked to it by `parent_payment_id`, priced from the step's
 * offer as published. Accepting the same offer again returns the charge already made instead of a second one.
 */
export default class AcceptUpsell {
  static async handle({
    workspace,
    stepId,
    parentToken,
  }: {
    workspace: Workspace
    stepId: number
    parentToken: string | null
  }) {
    if (!Number.isSafeInteger(stepId)) throw new DomainError(404, 'not_found', 'errors.not_found')
    /** The published offer: its price is the one the public page showed, not the draft's. */
    const found = await publishedStep(workspace, stepId, 'upsell')
    if (!found) throw new DomainError(404, 'not_found', 'errors.not_found')
    const { funnel, step } = found
    if (!parentToken) throw new DomainError(422, 'payment', 'payments.errors.no_parent')

    let parent = await workspace
      .related('payments')
      .query()
      .where('public_token', parentToken)
      .first()
    if (parent?.parentPaymentId) {
      parent = await workspace
        .related('payments')
        .query()
        .where('id', parent.parentPaymentId)
        .first()
    }
    if (!parent || parent.funnelId !== funnel.id) {
      throw new DomainError(422, 'payment', 'payments.errors.no_parent')
    }
    if (parent.status !== 'paid') {
      throw new DomainError(409, 'parent_not_paid', 'payments.errors.parent_not_paid')
    }

    const live = () =>
      workspace
        .related('payments')
        .query()
        .where('parent_payment_id', parent.id)
        .where('step_id', step.id)
        .whereIn('status', ['pending', 'paid'])
        .orderBy('id', 'desc')
        .first()
    const existing = await live()
    if (existing) return existing

    try {
      return await CreatePixPayment.handle({
        workspace,
        funnelId: funnel.id,
        stepId: step.id,
        items: upsellItems(step.content),
        customer: parent.customerData ?? {},
        visitorId: parent.visitorId,
        /** The same buyer, the same ad: the offer keeps the order's attribution. */
        visitorSessionId: parent.visitorSessionId,
        attribution: parent.attribution,
        parentPaymentId: parent.id,
        source: 'checkout',
      })
    } catch (error) {
      /** A concurrent click created the charge first (payments_one_live_upsell_idx): use it. */
      if (isLiveUpsellConflict(error)) {
        const winner = await live()
        if (winner) return winner
      }
      throw error
    }
  }
}

function isLiveUpsellConflict(error: unknown) {
  const pg = error as { code?: string; constraint?: string }
  return pg?.code === '23505' && pg.constraint === 'payments_one_live_upsell_idx'
}
