import env from '#start/env'

/**
 * Every queue and job of the product, with its payload type, defined once and shared by the web
 * process (which dispatches) and the workers (which process). Payloads are plain ids and always
 * carry the workspace id: a processor starts every query from that workspace.
 */
export const QUEUES = {
  payments: 'payments',
  webhooks: 'webhooks',
  postbacks: 'postbacks',
  tracking: 'tracking',
  mail: 'mail',
} as const

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

/** Job name → payload, per queue. */
export interface JobPayloads {
  payments: {
    /** `attempt` counts the polls of this payment (1 first): it sets the next delay. */
    poll_payment: { workspaceId: number; paymentId: number; attempt?: number }
    expire_payment: { workspaceId: number; paymentId: number }
    /** Repeatable: reads every pending payment whose gateway read is overdue (lost jobs). */
    sweep_pending_payments: Record<string, never>
    /** Repeatable: compares each workspace's recent payments with the gateway and UTMify. */
    reconcile_payments: { workspaceId?: number }
    /** Repeatable: open checkout sessions unpaid past the workspace's delay become abandoned. */
    sweep_abandoned_checkouts: Record<string, never>
  }
  webhooks: {
    process_webhook: { workspaceId: number; webhookEventId: number }
    /** Repeatable: re-queues inbox rows left unprocessed (job lost or retries spent). */
    sweep_webhook_inbox: Record<string, never>
  }
  postbacks: {
    deliver_postback: { workspaceId: number; deliveryId: number }
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
  }
  tracking: {
    /** Repeatable: marks visitors offline after a minute without a heartbeat. */
    sweep_offline_visitors: Record<string, never>
    /** Drains buffered beacon events into visitor_events in one insert. */
    flush_visitor_events: Record<string, never>
    /** Repeatable: rebuilds the dashboard's daily rollups of the last closed days. */
    rollup_analytics: Record<string, never>
  }
  mail: {
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
  }
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = JobPayloads[Q][J]

/** Seconds without a heartbeat after which a visitor counts as offline. */
export const VISITOR_OFFLINE_AFTER_SECONDS = 60

/** How often the offline sweep runs. */
export const OFFLINE_SWEEP_EVERY_MS = 15_000

/** How often buffered beacon events are written to PostgreSQL. */
export const EVENT_FLUSH_EVERY_MS = 1_000

/** How often the dashboard's daily rollups of closed days are rebuilt. */
export const ANALYTICS_ROLLUP_EVERY_MS = 5 * 60_000

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
