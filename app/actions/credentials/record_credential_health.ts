import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import type Credential from '#models/credential'
import { broadcastToWorkspace } from '#services/realtime'
import AnnounceGatewayUnhealthy from '#actions/credentials/announce_gateway_unhealthy'

/**
 * - `unknown`: never tried; `ok`: the last real call worked;
 * - `invalid`: the service refused the key (401/403);
 * - `unreachable`: "testar conexão" could not reach the service;
 * - `failing`: real calls keep failing (3 in a row within 10 minutes), or the gateway handed
 *   out a PIX code that does not check.
 */
export type CredentialHealth = 'unknown' | 'ok' | 'invalid' | 'unreachable' | 'failing'

export const UNHEALTHY: readonly CredentialHealth[] = ['invalid', 'unreachable', 'failing']

/** Failed calls in a row, within `STREAK_WINDOW_MINUTES`, that make a credential `failing`. */
export const failureSettings = { threshold: 3, windowMinutes: 10 }

interface Transition {
  previous: CredentialHealth
  current: CredentialHealth
  checked_at: Date
}

/**
 * What the last real call said about a credential: a 401/403 from the service (a delivery, or
 * "testar conexão") marks it `invalid`, an unreachable connection test `unreachable`, repeated
 * gateway failures `failing`, so the credentials page (and, for the payment gateway, a banner
 * on the admin's main pages and a `gateway.unhealthy` webhook) says so instead of sales and
 * deliveries dying in silence; a later success marks it `ok` again.
 *
 * Every write is one UPDATE that reads the row's previous health under its lock, so however
 * many workers report at once, exactly one of them sees the move from healthy to unhealthy
 * and announces it. Successes write only when something changes (they are most calls).
 */
export default class RecordCredentialHealth {
  static async handle(credential: Credential, health: CredentialHealth, error?: string | null) {
    if (credential.healthStatus === health && (!UNHEALTHY.includes(health) || !error)) return
    const unhealthy = UNHEALTHY.includes(health)
    const transition = await this.#update(
      credential,
      `health_status = :health,
       health_error = :error,
       health_checked_at = now(),
       health_failures = CASE WHEN CAST(:unhealthy AS boolean) THEN c.health_failures ELSE 0 END,
       health_failing_since = CASE WHEN CAST(:unhealthy AS boolean) THEN c.health_failing_since ELSE NULL END`,
      { health, error: unhealthy ? (error ?? null) : null, unhealthy }
    )
    await this.#after(credential, transition)
  }

  /** A real call worked: back to `ok`, the failure streak forgotten (no write when it is). */
  static async recordSuccess(credential: Credential) {
    const transition = await this.#update(
      credential,
      `health_status = 'ok', health_error = NULL, health_checked_at = now(),
       health_failures = 0, health_failing_since = NULL`,
      {},
      `AND (c.health_status <> 'ok' OR c.health_failures > 0)`
    )
    await this.#after(credential, transition)
  }

  /**
   * A real call failed in a way that is the gateway's fault (unreachable, 5xx, timeout, an
   * answer or PIX code that does not hold). The third within the window makes the credential
   * `failing`; `immediately` does at once (a PIX code that fails its check is never a blip).
   * A credential already unhealthy keeps its more precise word (`invalid`, `unreachable`).
   */
  static async recordFailure(
    credential: Credential,
    error: string,
    { immediately = false }: { immediately?: boolean } = {}
  ) {
    const streak = `CASE WHEN c.health_failing_since IS NULL
                            OR c.health_failing_since < now() - make_interval(mins => CAST(:window AS integer))
                          THEN 1 ELSE c.health_failures + 1 END`
    const transition = await this.#update(
      credential,
      `health_failures = ${streak},
       health_failing_since = CASE WHEN c.health_failing_since IS NULL
                                     OR c.health_failing_since < now() - make_interval(mins => CAST(:window AS integer))
                                   THEN now() ELSE c.health_failing_since END,
       health_status = CASE WHEN c.health_status IN ('unknown', 'ok')
                             AND (CAST(:immediately AS boolean) OR ${streak} >= :threshold)
                            THEN 'failing' ELSE c.health_status END,
       health_error = CASE WHEN c.health_status IN ('unknown', 'ok', 'failing')
                            AND (CAST(:immediately AS boolean) OR ${streak} >= :threshold)
                           THEN :error ELSE c.health_error END,
       health_checked_at = now()`,
      {
        window: failureSettings.windowMinutes,
        threshold: failureSettings.threshold,
        immediately,
        error: error.slice(0, 500),
      }
    )
    await this.#after(credential, transition)
  }

  /** The health an HTTP answer of the service tells, if it tells one. */
  static fromHttpStatus(httpStatus: number | null, ok: boolean): CredentialHealth | null {
    if (ok) return 'ok'
    if (httpStatus === 401 || httpStatus === 403) return 'invalid'
    return null
  }

  static async #update(
    credential: Credential,
    assignments: string,
    bindings: Record<string, unknown>,
    condition = ''
  ): Promise<Transition | null> {
    const { rows } = await db.rawQuery<{ rows: Transition[] }>(
      `WITH before AS (
         SELECT id, health_status FROM credentials WHERE id = :id AND workspace_id = :workspaceId
         FOR UPDATE
       )
       UPDATE credentials c SET ${assignments}
         FROM before
        WHERE c.id = before.id ${condition}
       RETURNING before.health_status AS previous, c.health_status AS current,
                 c.health_checked_at AS checked_at, c.health_error AS error`,
      { ...bindings, id: credential.id, workspaceId: credential.workspaceId }
    )
    const row = rows[0] as (Transition & { error: string | null }) | undefined
    if (!row) return null
    /** The model now says what the row says, without being dirty (a later save rewrites nothing). */
    const health = {
      healthStatus: row.current,
      healthError: row.error,
      healthCheckedAt: DateTime.fromJSDate(new Date(row.checked_at)),
    }
    credential.merge(health)
    Object.assign(credential.$original, health)
    return row
  }

  /** A move from healthy to unhealthy is logged and, for the payment gateway, announced. */
  static async #after(credential: Credential, transition: Transition | null) {
    if (!transition) return
    const wasHealthy = !UNHEALTHY.includes(transition.previous)
    const isUnhealthy = UNHEALTHY.includes(transition.current)
    if (wasHealthy && isUnhealthy) {
      logger.error(
        {
          workspaceId: credential.workspaceId,
          credentialId: credential.id,
          service: credential.service,
          health: transition.current,
          error: credential.healthError,
        },
        'credential became unhealthy'
      )
      if (credential.service === 'skalepay') {
        await AnnounceGatewayUnhealthy.handle({
          credential,
          transitionAt: DateTime.fromJSDate(new Date(transition.checked_at)),
        })
      }
    } else if (!wasHealthy && transition.current === 'ok') {
      logger.info(
        { workspaceId: credential.workspaceId, credentialId: credential.id },
        'credential healthy again'
      )
      if (credential.service === 'skalepay') {
        broadcastToWorkspace(credential.workspaceId, 'gateway_health_changed', {
          credentialId: credential.id,
          health: 'ok',
        })
      }
    }
  }
}
