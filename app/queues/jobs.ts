import { createHash } from 'node:crypto'
import type { Job, JobsOptions } from 'bullmq'
import {
  ABANDONED_CHECKOUTS_SWEEP_EVERY_MS,
  ANALYTICS_ROLLUP_EVERY_MS,
  DELIVERIES_SWEEP_EVERY_MS,
  EVENT_FLUSH_EVERY_MS,
  EVENT_PARTITIONS_EVERY_MS,
  EVENT_RETENTION_EVERY_MS,
  OFFLINE_SWEEP_EVERY_MS,
  PAYMENTS_SWEEP_EVERY_MS,
  POSTBACKS_SWEEP_EVERY_MS,
  RECONCILIATION_CRON,
  type QueueName,
} from '#queues/definitions'
import { postbackSettings } from '#services/postbacks'

/**
 * THE job registry. Every job of the product is declared here, once: its payload (below), its
 * queue, its BullMQ options (job id, attempts, backoff, delay — all derived from the payload),
 * its processor and, for repeatable jobs, its schedule. Callers say only
 * `queue.dispatch(name, payload)`: a misspelt name or a payload of the wrong shape fails
 * `npm run typecheck` (tests/unit/job_registry_types.spec.ts proves it), and the retry policy
 * of a job cannot drift between two call sites.
 *
 * Payloads are plain ids and always carry the workspace id when they concern one: a processor
 * starts every query from that workspace. Timing hints (`runAt`, `requeue`, `attemptsLeft`)
 * are part of the payload so that the options stay a function of it alone.
 */
export interface JobPayloads {
  /**
   * Poll number `attempt` (1 first) of a pending payment at its gateway, at `runAt` (epoch ms;
   * now when absent): SchedulePaymentJobs.poll works out when each poll is due.
   */
  poll_payment: { workspaceId: number; paymentId: number; attempt?: number; runAt?: number }
  /** The expiry check of a payment, at `runAt` (epoch ms; now when absent). */
  expire_payment: { workspaceId: number; paymentId: number; runAt?: number }
  /** Repeatable: reads every pending payment whose gateway read is overdue (lost jobs). */
  sweep_pending_payments: Record<string, never>
  /** Repeatable: compares each workspace's recent payments with the gateway and UTMify. */
  reconcile_payments: { workspaceId?: number }
  /** Repeatable: open checkout sessions unpaid past the workspace's delay become abandoned. */
  sweep_abandoned_checkouts: Record<string, never>

  /** One inbox row; `requeue` (1, 2…) when the inbox sweep puts a forgotten row back. */
  process_webhook: { workspaceId: number; webhookEventId: number; requeue?: number }
  /** Repeatable: re-queues inbox rows left unprocessed (job lost or retries spent). */
  sweep_webhook_inbox: Record<string, never>

  /**
   * One delivery. `attemptsLeft` when a lost job is re-queued (the attempts it has left);
   * `redeliveryAt` (epoch ms) for "Reenviar", a fresh job beside the row's old failed one.
   */
  deliver_postback: {
    workspaceId: number
    deliveryId: number
    attemptsLeft?: number
    redeliveryAt?: number
  }
  /**
   * A payment entered a status (one job per transition): the postbacks issue turns it into
   * one delivery per configured destination (UTMify, ad platforms, the agency's endpoints).
   */
  payment_status_changed: {
    workspaceId: number
    paymentId: number
    transitionId: number
    status: string
  }
  /**
   * Capture forms and checkout views stored by the beacon flush: server-side Lead /
   * InitiateCheckout and `lead.created` webhooks (by the events' uuids).
   */
  plan_visitor_conversions: { workspaceId: number; eventIds: string[] }
  /** Repeatable: plans the postbacks of payment facts whose announcement was lost. */
  sweep_unplanned_postbacks: Record<string, never>
  /** Repeatable: re-queues deliveries due for a send whose job is gone (Redis lost it). */
  requeue_lost_deliveries: Record<string, never>

  /** Repeatable: marks visitors offline after a minute without a heartbeat. */
  sweep_offline_visitors: Record<string, never>
  /** Drains buffered beacon events into visitor_events in one insert. */
  flush_visitor_events: Record<string, never>
  /** Repeatable: rebuilds the dashboard's daily rollups of the last closed days. */
  rollup_analytics: Record<string, never>
  /** Repeatable: creates visitor_events' month tables ahead (and empties DEFAULT into them). */
  maintain_event_partitions: Record<string, never>
  /** Repeatable: removes raw events past each workspace plan's retention (rollups kept). */
  apply_event_retention: Record<string, never>

  /**
   * One message already composed by the web process (@adonisjs/mail's compiled message:
   * addresses, subject, template names and their data); the worker renders and sends it.
   * Not a plain id: the links it carries (reset, verification) exist only in this payload.
   */
  send_mail: {
    mailerName: string
    mail: { message: Record<string, any>; views: Record<string, any> }
  }
  /** One `buyer_emails` row (PIX gerado / aprovado / expirado), composed and sent by the worker. */
  send_buyer_email: { workspaceId: number; buyerEmailId: number }

  /** A CSV export too large for a request: written to a file, progress kept on its row. */
  run_export: { workspaceId: number; exportId: number }
}

export type JobName = keyof JobPayloads
export type JobPayload<J extends JobName> = JobPayloads[J]

/** `token` is the worker's lock on the job, for processors that reschedule it themselves. */
export type Processor<J extends JobName> = (
  job: Job<JobPayload<J>>,
  token?: string
) => Promise<unknown>

/** One repeatable job: a BullMQ job scheduler (`upsertJobScheduler`) with a stable id. */
export interface JobSchedule {
  /** The scheduler's id in Redis: one per job, never renamed (a new id is a second schedule). */
  id: string
  /** Every n milliseconds, or a cron pattern (UTC). */
  repeat: { every: number } | { pattern: string }
  /** Finished runs kept for inspection (default 100 completed, 500 failed). */
  keep?: { completed: number; failed: number }
}

export interface JobDefinition<J extends JobName> {
  queue: QueueName
  /** BullMQ options of one job, from its payload alone (id, attempts, backoff, delay). */
  options?: (payload: JobPayload<J>) => JobsOptions
  /** Loaded on the first job, so the web process never imports the workers. */
  processor: () => Promise<{ default: Processor<J> }>
  schedule?: JobSchedule
}

/** Failed sends retry five times over about half an hour (30 s, 1 min, 2 min, 4 min, 8 min…). */
export const MAIL_RETRIES = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 30_000 },
} as const

const untilMs = (runAt: number | undefined) => Math.max(0, (runAt ?? Date.now()) - Date.now())

export const JOBS: { [J in JobName]: JobDefinition<J> } = {
  poll_payment: {
    queue: 'payments',
    /** A poll is not retried: the next poll (or the sweep) reads again anyway. */
    options: ({ paymentId, attempt = 1, runAt }) => ({
      jobId: `poll-${paymentId}-${attempt}`,
      delay: untilMs(runAt),
      attempts: 1,
    }),
    processor: () => import('#workers/poll_payment_job'),
  },
  expire_payment: {
    queue: 'payments',
    /** One id per due time: a later expiry check of the same payment is another job. */
    options: ({ paymentId, runAt = Date.now() }) => ({
      jobId: `expire-${paymentId}-${Math.round(runAt / 1000)}`,
      delay: untilMs(runAt),
      attempts: 5,
      backoff: { type: 'exponential', delay: 10_000 },
    }),
    processor: () => import('#workers/expire_payment_job'),
  },
  sweep_pending_payments: {
    queue: 'payments',
    processor: () => import('#workers/sweep_pending_payments_job'),
    schedule: { id: 'sweep-pending-payments', repeat: { every: PAYMENTS_SWEEP_EVERY_MS } },
  },
  reconcile_payments: {
    queue: 'payments',
    processor: () => import('#workers/reconcile_payments_job'),
    schedule: {
      id: 'reconcile-payments',
      repeat: { pattern: RECONCILIATION_CRON },
      keep: { completed: 30, failed: 100 },
    },
  },
  sweep_abandoned_checkouts: {
    queue: 'payments',
    processor: () => import('#workers/sweep_abandoned_checkouts_job'),
    schedule: {
      id: 'sweep-abandoned-checkouts',
      repeat: { every: ABANDONED_CHECKOUTS_SWEEP_EVERY_MS },
    },
  },

  process_webhook: {
    queue: 'webhooks',
    /** Retried with exponential backoff; one job per row, a re-queue under a new id. */
    options: ({ webhookEventId, requeue }) => ({
      jobId: webhookJobId(webhookEventId, requeue),
      attempts: 8,
      backoff: { type: 'exponential', delay: 2_000 },
    }),
    processor: () => import('#workers/process_webhook_job'),
  },
  sweep_webhook_inbox: {
    queue: 'webhooks',
    processor: () => import('#workers/sweep_webhook_inbox_job'),
    schedule: { id: 'sweep-webhook-inbox', repeat: { every: PAYMENTS_SWEEP_EVERY_MS } },
  },

  deliver_postback: {
    queue: 'postbacks',
    /**
     * One id per row, so a duplicate dispatch is a no-op. BullMQ's exponential backoff waits
     * `delay × 2^(n-1)` after the n-th failure (postbackSettings: 12 attempts over ~23 hours).
     */
    options: ({ deliveryId, attemptsLeft, redeliveryAt }) => ({
      jobId: deliveryJobId(deliveryId, redeliveryAt),
      attempts: Math.max(1, attemptsLeft ?? postbackSettings.attempts),
      backoff: { type: 'exponential', delay: postbackSettings.retryDelayMs },
    }),
    processor: () => import('#workers/deliver_postback_job'),
  },
  payment_status_changed: {
    queue: 'postbacks',
    /** One job per transition (its id is the job id). */
    options: ({ transitionId }) => ({
      jobId: `status-${transitionId}`,
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
    }),
    processor: () => import('#workers/payment_status_changed_job'),
  },
  plan_visitor_conversions: {
    queue: 'postbacks',
    /** The id is derived from the events: a replayed flush enqueues nothing new. */
    options: ({ workspaceId, eventIds }) => ({
      jobId: `conversions-${workspaceId}-${createHash('sha1')
        .update([...eventIds].sort().join(','))
        .digest('hex')}`,
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
    }),
    processor: () => import('#workers/plan_visitor_conversions_job'),
  },
  sweep_unplanned_postbacks: {
    queue: 'postbacks',
    processor: () => import('#workers/sweep_unplanned_postbacks_job'),
    schedule: { id: 'sweep-unplanned-postbacks', repeat: { every: POSTBACKS_SWEEP_EVERY_MS } },
  },
  requeue_lost_deliveries: {
    queue: 'postbacks',
    processor: () => import('#workers/requeue_lost_deliveries_job'),
    schedule: { id: 'requeue-lost-deliveries', repeat: { every: DELIVERIES_SWEEP_EVERY_MS } },
  },

  flush_visitor_events: {
    queue: 'tracking',
    processor: () => import('#workers/flush_visitor_events_job'),
    schedule: { id: 'flush-visitor-events', repeat: { every: EVENT_FLUSH_EVERY_MS } },
  },
  sweep_offline_visitors: {
    queue: 'tracking',
    processor: () => import('#workers/sweep_offline_visitors_job'),
    schedule: { id: 'sweep-offline-visitors', repeat: { every: OFFLINE_SWEEP_EVERY_MS } },
  },
  rollup_analytics: {
    queue: 'tracking',
    processor: () => import('#workers/rollup_analytics_job'),
    schedule: { id: 'rollup-analytics', repeat: { every: ANALYTICS_ROLLUP_EVERY_MS } },
  },
  maintain_event_partitions: {
    queue: 'tracking',
    processor: () => import('#workers/maintain_event_partitions_job'),
    schedule: { id: 'maintain-event-partitions', repeat: { every: EVENT_PARTITIONS_EVERY_MS } },
  },
  apply_event_retention: {
    queue: 'tracking',
    processor: () => import('#workers/apply_event_retention_job'),
    schedule: { id: 'apply-event-retention', repeat: { every: EVENT_RETENTION_EVERY_MS } },
  },

  send_mail: {
    queue: 'mail',
    /** Sent messages are not kept: their links (reset, verification) would sit in Redis. */
    options: () => ({ ...MAIL_RETRIES, removeOnComplete: true }),
    processor: () => import('#workers/send_mail_job'),
  },
  send_buyer_email: {
    queue: 'mail',
    options: ({ buyerEmailId }) => ({ ...MAIL_RETRIES, jobId: `buyer-email-${buyerEmailId}` }),
    processor: () => import('#workers/send_buyer_email_job'),
  },

  run_export: {
    queue: 'exports',
    /** One job per export row; a failed export is not retried (the page offers to run it again). */
    options: ({ exportId }) => ({ jobId: `export-${exportId}`, attempts: 1 }),
    processor: () => import('#workers/run_export_job'),
  },
}

/** The job id of a delivery's job (the requeue sweep looks it up). */
export function deliveryJobId(deliveryId: number | string, redeliveryAt?: number) {
  return redeliveryAt ? `delivery-${deliveryId}-retry-${redeliveryAt}` : `delivery-${deliveryId}`
}

/** The job id of an inbox row's processing (the inbox sweep looks it up). */
export function webhookJobId(webhookEventId: number, requeue?: number) {
  return requeue ? `webhook-${webhookEventId}-r${requeue}` : `webhook-${webhookEventId}`
}

/** The options a job is enqueued with (the registry's, from the payload). */
export function jobOptions<J extends JobName>(name: J, payload: JobPayload<J>): JobsOptions {
  const definition = JOBS[name] as JobDefinition<J>
  return definition.options?.(payload) ?? {}
}

/** Every job name of one queue. */
export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((name) => JOBS[name].queue === queue)
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name)
}
