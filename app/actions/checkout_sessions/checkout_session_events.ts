import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import RecordDeliveries, { type PlannedDelivery } from '#actions/postbacks/record_deliveries'
import { subscribedEndpoints } from '#actions/postbacks/destinations'
import { siteOrigin } from '#actions/buyer_emails/compose_buyer_email'
import { workspaceTable } from '#services/tenancy'

export interface CheckoutSessionRow {
  id: string | number
  workspace_id: number
  funnel_id: number | null
  step_id: number
  token: string
  name: string | null
  email: string | null
  phone: string | null
  status: string
  payment_id: string | number | null
  amount_cents: number | null
  recovered_cents: number | null
  abandoned_at: Date | null
  recovered_at: Date | null
  created_at: Date
}

/** The one-click recovery link: the checkout again, pre-filled from the session. */
export async function recoveryUrl(
  workspace: Workspace,
  session: Pick<CheckoutSessionRow, 'step_id' | 'token'>
) {
  const row = await workspaceTable(workspace, 'funnel_steps')
    .join('funnels', 'funnels.id', 'funnel_steps.funnel_id')
    .where('funnel_steps.id', session.step_id)
    .select('funnels.slug as funnel_slug', 'funnel_steps.slug as step_slug')
    .first()
  if (!row) return null
  return `${siteOrigin(workspace)}/${row.funnel_slug}/${row.step_slug}?recover=${session.token}`
}

/**
 * The agency webhooks of a checkout session fact (`checkout.abandoned`, `payment.recovered`),
 * one delivery per subscribed endpoint, recorded once per (session, fact, endpoint) through
 * the postbacks outbox (same dedupe and retries as the payment webhooks).
 */
export async function planSessionWebhooks(
  workspace: Workspace,
  session: CheckoutSessionRow,
  event: 'checkout.abandoned' | 'payment.recovered'
) {
  const endpoints = await subscribedEndpoints(workspace, event)
  if (!endpoints.length) return
  const body = {
    event,
    occurredAt: new Date().toISOString(),
    data: {
      checkout: {
        id: Number(session.id),
        status: session.status,
        funnelId: session.funnel_id,
        stepId: session.step_id,
        paymentId: session.payment_id === null ? null : Number(session.payment_id),
        amountCents: session.amount_cents,
        recoveredCents: session.recovered_cents,
        abandonedAt: session.abandoned_at ? new Date(session.abandoned_at).toISOString() : null,
        recoveredAt: session.recovered_at ? new Date(session.recovered_at).toISOString() : null,
        recoveryUrl: await recoveryUrl(workspace, session),
      },
      customer: { name: session.name, email: session.email, phone: session.phone },
    },
  }
  const planned: PlannedDelivery[] = endpoints.map((endpoint) => ({
    target: 'custom',
    event,
    webhookEndpointId: endpoint.id,
    paymentId: session.payment_id === null ? null : Number(session.payment_id),
    dedupeKey: `custom:checkout-${session.id}:${event}:${endpoint.id}`,
    request: { body },
  }))
  await RecordDeliveries.handle(workspace, planned)
}

/**
 * A payment of a checkout entered a status (planned with its postbacks): paid makes its
 * session "recuperado" when it had been abandoned or its PIX had expired (with the recovered
 * amount and a `payment.recovered` webhook), else "pago"; an expired PIX makes an unpaid
 * session "PIX expirado". Conditional updates: a repeated fact changes nothing.
 */
export default class TrackCheckoutSession {
  static async handle(
    workspace: Workspace,
    paymentId: number,
    status: string,
    amountCents: number
  ) {
    if (status === 'paid') {
      const { rows } = await db.rawQuery<{ rows: CheckoutSessionRow[] }>(
        `UPDATE checkout_sessions SET
            status = CASE WHEN status IN ('abandoned', 'pix_expired') THEN 'recovered' ELSE 'paid' END,
            recovered_at = CASE WHEN status IN ('abandoned', 'pix_expired') THEN now() END,
            recovered_cents = CASE WHEN status IN ('abandoned', 'pix_expired') THEN ?::int END,
            payment_status = 'paid', amount_cents = ?, updated_at = now()
          WHERE workspace_id = ? AND payment_id = ? AND status NOT IN ('paid', 'recovered')
          RETURNING *`,
        [amountCents, amountCents, workspace.id, paymentId]
      )
      for (const row of rows) {
        if (row.status === 'recovered')
          await planSessionWebhooks(workspace, row, 'payment.recovered')
      }
    } else if (status === 'expired') {
      await db.rawQuery(
        `UPDATE checkout_sessions SET status = 'pix_expired', payment_status = 'expired',
                abandoned_at = COALESCE(abandoned_at, now()), updated_at = now()
          WHERE workspace_id = ? AND payment_id = ? AND status IN ('open', 'abandoned')`,
        [workspace.id, paymentId]
      )
    } else {
      await db.rawQuery(
        `UPDATE checkout_sessions SET payment_status = ?, updated_at = now()
          WHERE workspace_id = ? AND payment_id = ? AND status NOT IN ('paid', 'recovered')`,
        [status, workspace.id, paymentId]
      )
    }
  }
}
