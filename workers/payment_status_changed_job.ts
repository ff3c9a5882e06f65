import { DelayedError, type Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import PlanPaymentPostbacks, { AttributionPending } from '#actions/postbacks/plan_payment_postbacks'

/**
 * A payment entered a status: one `postback_deliveries` row per configured destination
 * (deduplicated on target + payment + status) and one `deliver_postback` job per row. A
 * payment whose checkout carried no campaign while its visitor is still in the beacon buffer
 * waits for it (up to ATTRIBUTION_WAIT_SECONDS), so its first UTMify update is attributed.
 */
export default async function paymentStatusChangedJob(
  job: Job<JobPayload<'payment_status_changed'>>,
  token?: string
) {
  const { workspaceId, paymentId, status, transitionId } = job.data
  try {
    return await PlanPaymentPostbacks.handle({
      workspaceId,
      paymentId,
      status,
      transitionId,
      waitForVisitor: Boolean(token),
    })
  } catch (error) {
    /** Its visitor is about to be written (beacon flush): back in 3 s, no attempt spent. */
    if (error instanceof AttributionPending && token) {
      await job.moveToDelayed(Date.now() + 3_000, token)
      throw new DelayedError()
    }
    throw error
  }
}
