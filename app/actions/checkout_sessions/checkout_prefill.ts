import type Workspace from '#models/workspace'
import type FunnelStep from '#models/funnel_step'
import { workspaceTable } from '#services/tenancy'

const TOKEN = /^[0-9a-f]{32}$/

export interface Prefill {
  name?: string
  email?: string
  phone?: string
  cpf?: string
  /** Where the data came from: the buyer's own earlier payment, or the capture step's lead. */
  source: 'retry' | 'recovery' | 'lead' | null
}

function pick(data: Record<string, unknown> | null | undefined, fields: string[]) {
  const out: Record<string, string> = {}
  for (const field of fields) {
    const value = data?.[field]
    if (typeof value === 'string' && value.trim()) out[field] = value.trim().slice(0, 255)
  }
  return out
}

/**
 * What the checkout form starts with (the page itself is cached for everyone, so its script
 * asks for this): the buyer's data of an earlier payment of this workspace when the link
 * carries its token (`?retry=` from "Tentar novamente", the "PIX expirado" e-mail, a recovery
 * link), else the lead the capture step stored on this browser's visitor. The CPF comes only
 * with a payment token (a secret link of the buyer's own), never from the visitor cookie.
 */
export default class CheckoutPrefill {
  static async handle(params: {
    workspace: Workspace
    step: FunnelStep
    retryToken: string | null
    recoverToken?: string | null
    sessionId: string | null
  }): Promise<Prefill> {
    const { workspace, retryToken, sessionId, recoverToken } = params
    /** A recovery link ("Recuperação"): the saved checkout session of this step. */
    if (recoverToken && TOKEN.test(recoverToken)) {
      const session = await workspaceTable(workspace, 'checkout_sessions')
        .where('step_id', params.step.id)
        .where('token', recoverToken)
        .select('name', 'email', 'phone')
        .first()
      if (session) return { ...pick(session, ['name', 'email', 'phone']), source: 'recovery' }
    }
    if (retryToken && TOKEN.test(retryToken)) {
      const payment = await workspace
        .related('payments')
        .query()
        .where('public_token', retryToken)
        .select('customer_data')
        .first()
      if (payment) {
        return { ...pick(payment.customerData, ['name', 'email', 'phone', 'cpf']), source: 'retry' }
      }
    }
    if (sessionId) {
      const visitor = await workspace
        .related('visitors')
        .query()
        .where('session_id', sessionId)
        .select('lead')
        .first()
      const lead = pick(visitor?.lead as Record<string, unknown>, ['name', 'email', 'phone'])
      if (Object.keys(lead).length) return { ...lead, source: 'lead' }
    }
    return { source: null }
  }
}
