import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/definitions'
import ReconcilePayments from '#actions/reconciliation/reconcile_payments'

/** Repeatable job (daily): each workspace's recent payments against the gateway and UTMify. */
export default async function reconcilePaymentsJob(
  job: Job<JobPayload<'payments', 'reconcile_payments'>>
) {
  return ReconcilePayments.handleAll({ workspaceId: job.data?.workspaceId })
}
