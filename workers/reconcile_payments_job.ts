import type { Job } from 'bullmq'
import type { JobPayload } from '#queues/jobs'
import ReconcilePayments from '#actions/reconciliation/reconcile_payments'

/** Repeatable job (daily): each workspace's recent payments against the gateway and UTMify. */
export default async function reconcilePaymentsJob(job: Job<JobPayload<'reconcile_payments'>>) {
  return ReconcilePayments.handleAll({ workspaceId: job.data?.workspaceId })
}
