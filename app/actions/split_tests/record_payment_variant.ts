import type Workspace from '#models/workspace'
import type Payment from '#models/payment'
import type SplitTestVariant from '#models/split_test_variant'

/**
 * Marks a checkout's payment with the A/B variant its buyer saw (the results count its revenue
 * for that variant even before the beacon flush links the payment to its visitor).
 */
export default class RecordPaymentVariant {
  static async handle(workspace: Workspace, payment: Payment, variant: SplitTestVariant | null) {
    if (!variant) return
    await workspace
      .related('payments')
      .query()
      .where('id', payment.id)
      .update({ split_variant_id: variant.id })
  }
}
