import type { Job } from 'bullmq'
import type { QueueName } from '#queues/definitions'

/** `token` is the worker's lock on the job, for processors that reschedule it themselves. */
type Processor = (job: Job, token?: string) => Promise<unknown>

/**
 * Which function processes each job, per queue. Processors are thin: they read the payload
 * and call an action from app/actions, the same one the web process uses.
 */
export const processors: Record<
  QueueName,
  Record<string, () => Promise<{ default: Processor }>>
> = {
  tracking: {
    sweep_offline_visitors: () => import('#workers/sweep_offline_visitors_job'),
    flush_visitor_events: () => import('#workers/flush_visitor_events_job'),
    rollup_analytics: () => import('#workers/rollup_analytics_job'),
  },
  payments: {
    poll_payment: () => import('#workers/poll_payment_job'),
    expire_payment: () => import('#workers/expire_payment_job'),
    sweep_pending_payments: () => import('#workers/sweep_pending_payments_job'),
    reconcile_payments: () => import('#workers/reconcile_payments_job'),
    sweep_abandoned_checkouts: () => import('#workers/sweep_abandoned_checkouts_job'),
  },
  webhooks: {
    process_webhook: () => import('#workers/process_webhook_job'),
    sweep_webhook_inbox: () => import('#workers/sweep_webhook_inbox_job'),
  },
  postbacks: {
    payment_status_changed: () => import('#workers/payment_status_changed_job'),
    deliver_postback: () => import('#workers/deliver_postback_job'),
    plan_visitor_conversions: () => import('#workers/plan_visitor_conversions_job'),
    sweep_unplanned_postbacks: () => import('#workers/sweep_unplanned_postbacks_job'),
    requeue_lost_deliveries: () => import('#workers/requeue_lost_deliveries_job'),
  },
  mail: {
    send_mail: () => import('#workers/send_mail_job'),
    send_buyer_email: () => import('#workers/send_buyer_email_job'),
  },
}

/** Runs a job with its processor; an unknown job name fails loudly instead of vanishing. */
export async function processJob(queue: QueueName, job: Job, token?: string) {
  const load = processors[queue][job.name]
  if (!load) throw new Error(`No processor for job "${job.name}" on queue "${queue}"`)
  const { default: processor } = await load()
  return processor(job, token)
}
