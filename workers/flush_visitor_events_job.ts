import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import env from '#start/env'

/**
 * Repeatable job (every second): buffered beacon events → visitors and visitor_events. Entries
 * a killed worker left unacknowledged are claimed back after EVENT_FLUSH_CLAIM_IDLE_MS (30 s).
 */
export default async function flushVisitorEventsJob() {
  return FlushVisitorEvents.handle({
    claimIdleMs: env.get('EVENT_FLUSH_CLAIM_IDLE_MS') ?? 30_000,
  })
}
