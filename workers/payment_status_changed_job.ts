import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/definitions'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'

/**
 * A payment entered a status: one `postback_deliveries` row per configured destination
 * (deduplicated on target + payment + status) and one `deliver_postback` job per row.
 */
export default async function paymentStatusChangedJob(
  job: Job<JobPayload<'postbacks', 'payment_status_changed'>>
) {
  const { workspaceId, paymentId, status, transitionId } = job.data
  return PlanPaymentPostbacks.handle({ workspaceId, paymentId, status, transitionId })
}
