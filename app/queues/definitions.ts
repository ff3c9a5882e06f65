import env from '#start/env'

/**
 * The queues of the product and the intervals of its repeatable jobs. The jobs themselves
 * (payload, queue, options, processor, schedule) are declared once in app/queues/jobs.ts.
 */
export const QUEUES = {
  payments: 'payments',
  webhooks: 'webhooks',
  postbacks: 'postbacks',
  tracking: 'tracking',
  mail: 'mail',
  exports: 'exports',
} as const

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

/** Seconds without a heartbeat after which a visitor counts as offline. */
export const VISITOR_OFFLINE_AFTER_SECONDS = 60

/**
 * Seconds a visitor's `leave` waits for anything newer of theirs (the next step's page_view)
 * before the visitor counts as offline: a step change must not flicker offline/online.
 */
export const VISITOR_LEAVE_GRACE_SECONDS = 2

/**
 * How often the offline sweep runs: every second, so `visitor_offline` follows a `leave` within
 * ~4 s (flush 1 s + grace 2 s + sweep 1 s) and silence within ~61 s. Both of its queries read
 * partial indexes of online visitors only.
 */
export const OFFLINE_SWEEP_EVERY_MS = 1_000

/** How often buffered beacon events are written to PostgreSQL. */
export const EVENT_FLUSH_EVERY_MS = 1_000

/** How often the dashboard's daily rollups of closed days are rebuilt. */
export const ANALYTICS_ROLLUP_EVERY_MS = 5 * 60_000

/**
 * How often the month tables of visitor_events are kept three months ahead, and old events
 * past each plan's retention removed (both cheap when there is nothing to do).
 */
export const EVENT_PARTITIONS_EVERY_MS = 6 * 60 * 60_000
export const EVENT_RETENTION_EVERY_MS = 24 * 60 * 60_000

/** How often unpaid checkout sessions are checked for abandonment (the delay is per workspace). */
export const ABANDONED_CHECKOUTS_SWEEP_EVERY_MS = 60_000

/** How often the outbox sweep looks for payment facts whose postbacks were never planned. */
export const POSTBACKS_SWEEP_EVERY_MS = 60_000

/** How often deliveries due for a send are checked for a lost job (re-derived from PostgreSQL). */
export const DELIVERIES_SWEEP_EVERY_MS = 60_000

/**
 * How often pending payments with an overdue gateway read and forgotten inbox rows are swept
 * (PAYMENTS_SWEEP_EVERY_MS shortens it for tests that wait on a real worker).
 */
export const PAYMENTS_SWEEP_EVERY_MS = env.get('PAYMENTS_SWEEP_EVERY_MS') ?? 60_000

/**
 * When payments are reconciled with the gateway and UTMify: daily at 03:30 UTC (00:30 in São
 * Paulo, after the Brazilian day closed); each run covers the last days.
 */
export const RECONCILIATION_CRON = '30 3 * * *'
