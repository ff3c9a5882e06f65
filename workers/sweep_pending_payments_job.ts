import SweepPendingPayments from '#actions/payments/sweep_pending_payments'

/** Repeatable job (every minute): pending payments whose gateway read is overdue are read now. */
export default async function sweepPendingPaymentsJob() {
  return SweepPendingPayments.handle()
}
