import RequeueLostDeliveries from '#actions/postbacks/requeue_lost_deliveries'

/** Deliveries due for a send whose job Redis no longer has are queued again (every minute). */
export default async function requeueLostDeliveriesJob() {
  return RequeueLostDeliveries.handle()
}
