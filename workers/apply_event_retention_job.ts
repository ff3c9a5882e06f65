import ApplyEventRetention from '#actions/maintenance/apply_event_retention'

/** Repeatable job (daily): raw visitor events past each plan's retention leave; rollups stay. */
export default async function applyEventRetentionJob() {
  return ApplyEventRetention.handle()
}
