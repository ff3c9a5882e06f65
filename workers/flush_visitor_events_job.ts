import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'

/** Repeatable job (every second): buffered beacon events → visitors and visitor_events. */
export default async function flushVisitorEventsJob() {
  return FlushVisitorEvents.handle()
}
