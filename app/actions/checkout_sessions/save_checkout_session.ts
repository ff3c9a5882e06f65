import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type FunnelStep from '#models/funnel_step'
import { consentNotice } from '#services/buyer_journey'
import { scalarText } from '#services/public_input'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Normalised text of a field the buyer typed (objects, arrays and NULs never reach SQL). */
function field(value: unknown, max: number) {
  return scalarText(value, max).trim() || null
}

/**
 * What the buyer typed on a checkout, saved on blur: one `checkout_sessions` row per
 * (workspace, step, visitor session), upserted. No CPF is kept (only what recovery needs: name,
 * e-mail, phone, ticked bumps), and the consent shown when the form carried it. A session
 * already paid or recovered is left as it is; an abandoned one typing again stays abandoned
 * until it pays (then it is "recuperado").
 */
export default class SaveCheckoutSession {
  static async handle(params: {
    workspace: Workspace
    step: FunnelStep
    sessionId: string
    input: Record<string, unknown>
  }) {
    const { workspace, step, sessionId, input } = params
    const email = field(input.email, 255)?.toLowerCase() ?? null
    const bumps = Array.isArray(input.bumps)
      ? input.bumps
          .map(Number)
          .filter((n) => Number.isInteger(n) && n >= 0 && n < 20)
          .slice(0, 20)
      : []
    const notice = consentNotice(workspace)
    const consented = notice && String(scalarText(input.consent, 4)) === '1'
    const values = {
      name: field(input.name, 255),
      email: email && EMAIL.test(email) ? email : null,
      phone: field(input.phone, 32),
    }
    if (!values.name && !values.email && !values.phone) return null
    const { rows } = await db.rawQuery<{ rows: Array<{ id: string; token: string }> }>(
      `INSERT INTO checkout_sessions
         (workspace_id, funnel_id, step_id, session_id, token, name, email, phone, bumps, consent, consented_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
       ON CONFLICT (workspace_id, step_id, session_id) DO UPDATE SET
         name = COALESCE(EXCLUDED.name, checkout_sessions.name),
         email = COALESCE(EXCLUDED.email, checkout_sessions.email),
         phone = COALESCE(EXCLUDED.phone, checkout_sessions.phone),
         bumps = EXCLUDED.bumps,
         consent = COALESCE(EXCLUDED.consent, checkout_sessions.consent),
         consented_at = COALESCE(checkout_sessions.consented_at, EXCLUDED.consented_at),
         last_activity_at = now(),
         updated_at = now()
       WHERE checkout_sessions.status NOT IN ('paid', 'recovered')
       RETURNING id, token`,
      [
        workspace.id,
        step.funnelId,
        step.id,
        sessionId,
        randomBytes(16).toString('hex'),
        values.name,
        values.email,
        values.phone,
        JSON.stringify(bumps),
        consented
          ? JSON.stringify({
              termsUrl: notice.termsUrl,
              privacyUrl: notice.privacyUrl,
              sellerName: notice.sellerName,
              sellerDocument: notice.sellerDocument,
            })
          : null,
        consented ? new Date() : null,
      ]
    )
    return rows[0] ?? null
  }
}
