import type Payment from '#models/payment'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import { gatewayForPayment } from '#services/gateways/index'

/**
 * "Reconsultar gateway": reads the charge at its gateway now and applies what it reports
 * (source `admin`). Gateway failures surface as GatewayError for a clear message.
 */
export default class RefreshPayment {
  static async handle({ payment }: { payment: Payment }) {
    const gateway = await gatewayForPayment(payment)
    const snapshot = await gateway.getCharge(payment)
    const outcome = await ApplyPaymentTransition.handle({
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      to: snapshot.status,
      source: 'admin',
      snapshot,
      details: { action: 'refresh' },
    })
    return { ...outcome, gatewayStatus: snapshot.gatewayStatus }
  }
}
