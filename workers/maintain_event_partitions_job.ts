import MaintainEventPartitions from '#actions/maintenance/maintain_event_partitions'

/** Repeatable job (every 6 h; BullMQ runs an `every` schedule once at once): visitor_events' month tables three months ahead. */
export default async function maintainEventPartitionsJob() {
  return MaintainEventPartitions.handle()
}
