import SweepAbandonedCheckouts from '#actions/checkout_sessions/sweep_abandoned_checkouts'

/** Repeatable: marks unpaid checkout sessions past their workspace's delay as abandoned. */
export default async function sweepAbandonedCheckoutsJob() {
  return SweepAbandonedCheckouts.handle()
}
