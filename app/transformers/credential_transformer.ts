import { BaseTransformer } from '@adonisjs/core/transformers'
import type { CredentialHealth } from '#actions/credentials/record_credential_health'
import { asJson } from '#types/json'
import type Credential from '#models/credential'
import type { ConnectionTestOutcome } from '#integrations/integration_client'
import { t, type Locale } from '#services/i18n'

const BULLETS = '••••••••'

/**
 * A secret as it may be shown: a recognisable prefix, `…`, the last 4 characters
 * (`sk_live_…a1b2`). The prefix is the key's leading alphabetic `word_` blocks when it has
 * them (`sk_live_`, `pk_test_`) and they leave at least half the key hidden, else its first 3
 * characters. Secrets under 16 characters are fully masked.
 */
export function maskSecret(secret: string | null | undefined): string | null {
  if (secret === null || secret === undefined || secret === '') return null
  const value = secret.trim()
  if (value.length < 16) return BULLETS
  const blocks = value.match(/^(?:[A-Za-z]{1,8}_){1,2}/)?.[0]
  const prefix = blocks && blocks.length + 4 <= value.length / 2 ? blocks : value.slice(0, 3)
  return `${prefix}…${value.slice(-4)}`
}

/**
 * What pages and the API see of a credential: secrets masked, never in full. `testResult` is the
 * answer of "testar conexão", given `transform(credential, { outcome, locale })`.
 */
export default class CredentialTransformer extends BaseTransformer<Credential> {
  constructor(
    credential: Credential,
    protected test?: { outcome: ConnectionTestOutcome; locale: Locale }
  ) {
    super(credential)
  }

  toObject() {
    const credential = this.resource
    return {
      id: credential.id,
      name: credential.name,
      service: credential.service,
      apiKeyMasked: maskSecret(credential.apiKey),
      apiSecretMasked: maskSecret(credential.apiSecret),
      hasApiSecret: Boolean(credential.apiSecret),
      apiUrl: credential.apiUrl,
      settings: asJson(credential.settings),
      isActive: credential.isActive,
      /** unknown | ok | invalid | unreachable | failing: what the last real call or test said. */
      health: (credential.healthStatus ?? 'unknown') as CredentialHealth,
      healthError: credential.healthError ?? null,
      healthCheckedAt: credential.healthCheckedAt?.toISO() ?? null,
      createdBy: credential.createdBy,
      createdAt: credential.createdAt.toISO(),
      updatedAt: credential.updatedAt?.toISO() ?? null,
    }
  }

  /**
   * Validator input of an update: the stored credential with the request over it (settings
   * merged one level deep). Secrets are not part of it: omitted, they are kept.
   */
  static withChanges(credential: Credential, changes: Record<string, any>) {
    const stored = this.#input(credential)
    const settings = isObject(changes.settings)
      ? { ...stored.settings, ...changes.settings }
      : stored.settings
    return { ...stored, ...changes, settings }
  }

  static #input(credential: Credential) {
    return {
      service: credential.service,
      name: credential.name,
      apiUrl: credential.apiUrl,
      settings: (credential.settings ?? {}) as Record<string, unknown>,
      isActive: credential.isActive,
    }
  }

  /** The answer of "testar conexão": `{ status, httpStatus?, message }`, message in `locale`. */
  testResult() {
    const credential = this.resource
    const { outcome, locale } = this.test!
    const service = t(locale, `integrations.service.${credential.service}`)
    const params = {
      service,
      status: outcome.httpStatus ?? '',
      detail: outcome.detail ?? '',
    }
    const key =
      outcome.detail && outcome.reason === 'rejected'
        ? 'integrations.test.rejected_detail'
        : `integrations.test.${outcome.reason}`
    return {
      status: outcome.status,
      ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
      message: t(locale, key, params),
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
