import { DateTime } from 'luxon'
import type Credential from '#models/credential'

export type CredentialHealth = 'unknown' | 'ok' | 'invalid'

/**
 * What the last real call said about a credential's key: a 401/403 from the service (a
 * delivery, or "testar conexão") marks it `invalid` so the credentials page says "chave
 * recusada" instead of deliveries dying in silence; a later success marks it `ok` again.
 * Writes only when the health changes (deliveries succeed thousands of times a day).
 */
export default class RecordCredentialHealth {
  static async handle(credential: Credential, health: CredentialHealth, error?: string | null) {
    if (credential.healthStatus === health && (health !== 'invalid' || !error)) return
    credential.merge({
      healthStatus: health,
      healthError: health === 'invalid' ? (error ?? null) : null,
      healthCheckedAt: DateTime.now(),
    })
    await credential.save()
  }

  /** The health an HTTP answer of the service tells, if it tells one. */
  static fromHttpStatus(httpStatus: number | null, ok: boolean): CredentialHealth | null {
    if (ok) return 'ok'
    if (httpStatus === 401 || httpStatus === 403) return 'invalid'
    return null
  }
}
