import type { JobsOptions } from 'bullmq'
import env from '#start/env'

/**
 * Retry policy of `deliver_postback`. BullMQ's exponential backoff waits `delay × 2^(n-1)`
 * after the n-th failure: 12 attempts from 20 s spread over about 23 hours. Mutable so a test
 * can shrink the delay.
 */
export const postbackSettings = {
  attempts: 12,
  retryDelayMs: 20_000,
  /**
   * How long a worker's claim on a delivery lasts: well over the outbound HTTP timeout (10 s),
   * so a live worker never loses it mid-send; a killed worker's claim lapses after it.
   */
  leaseMs: env.get('POSTBACK_LEASE_MS') ?? 120_000,
}

/** Milliseconds BullMQ waits after the failed attempt `attempt` (1-based). */
export function retryDelayAfter(attempt: number) {
  return postbackSettings.retryDelayMs * 2 ** (attempt - 1)
}

/** The job of one delivery: one id per row, so a duplicate dispatch is a no-op. */
export function deliveryJob(deliveryId: number | string): { jobId: string } & JobsOptions {
  return {
    jobId: `delivery-${deliveryId}`,
    attempts: postbackSettings.attempts,
    backoff: { type: 'exponential', delay: postbackSettings.retryDelayMs },
  }
}
