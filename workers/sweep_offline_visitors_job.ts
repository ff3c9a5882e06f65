import SweepOfflineVisitors from '#actions/tracking/sweep_offline_visitors'

/** Repeatable job (every 15 s): visitors silent for 60 s go offline. */
export default async function sweepOfflineVisitorsJob() {
  const count = await SweepOfflineVisitors.handle()
  return { markedOffline: count }
}
