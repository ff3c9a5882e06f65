import SweepOfflineVisitors from '#actions/tracking/sweep_offline_visitors'

/** Repeatable job (every second): visitors that left (2 s grace) or were silent for 60 s go offline. */
export default async function sweepOfflineVisitorsJob() {
  const count = await SweepOfflineVisitors.handle()
  return { markedOffline: count }
}
