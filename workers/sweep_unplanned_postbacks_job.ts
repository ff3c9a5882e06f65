import SweepUnplannedPostbacks from '#actions/postbacks/sweep_unplanned_postbacks'

/** The outbox sweep: payment facts whose postbacks job was lost get planned now. */
export default async function sweepUnplannedPostbacksJob() {
  return SweepUnplannedPostbacks.handle()
}
