import SweepWebhookInbox from '#actions/payments/sweep_webhook_inbox'

/** Repeatable job (every minute): inbox rows nobody processed are enqueued again. */
export default async function sweepWebhookInboxJob() {
  return SweepWebhookInbox.handle()
}
