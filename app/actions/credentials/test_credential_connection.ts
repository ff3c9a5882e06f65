import logger from '@adonisjs/core/services/logger'
import type Credential from '#models/credential'
import { integrationClientFor } from '#integrations/clients'
import type {
  ConnectionTestOutcome,
  IntegrationClientOptions,
} from '#integrations/integration_client'
import { outboundSettings } from '#services/outbound_http'
import RecordCredentialHealth, {
  type CredentialHealth,
} from '#actions/credentials/record_credential_health'

interface Params {
  credential: Credential
  /** Transport overrides (tests); the deadline defaults to the connection-test budget (5 s). */
  options?: IntegrationClientOptions
}

/**
 * "Testar conexão": calls the service's cheapest authenticated endpoint with the stored key.
 * An explicit user action, so it calls out inside the request, under a short deadline. Only
 * the outcome is logged — never the key, the request or the answer's body.
 */
export default class TestCredentialConnection {
  static async handle({ credential, options = {} }: Params): Promise<ConnectionTestOutcome> {
    const client = integrationClientFor(credential, {
      ...options,
      timeoutMs: options.timeoutMs ?? outboundSettings.connectionTestTimeoutMs,
    })
    const startedAt = performance.now()
    const outcome = await client.testConnection()
    logger.info(
      {
        workspaceId: credential.workspaceId,
        credentialId: credential.id,
        service: credential.service,
        status: outcome.status,
        reason: outcome.reason,
        httpStatus: outcome.httpStatus,
        ms: Math.round(performance.now() - startedAt),
      },
      'credential connection test'
    )
    const health = this.#health(outcome)
    if (health) {
      await RecordCredentialHealth.handle(
        credential,
        health,
        outcome.httpStatus ? `HTTP ${outcome.httpStatus}` : `Teste de conexão: ${outcome.reason}`
      )
    }
    return outcome
  }

  /**
   * What a test says of the credential: a refused key is `invalid`, a service that cannot be
   * reached `unreachable`, one that answers 5xx `failing`. A 4xx other than 401/403 or a URL
   * refused before calling says nothing about the service's health.
   */
  static #health(outcome: ConnectionTestOutcome): CredentialHealth | null {
    if (outcome.status === 'ok') return 'ok'
    if (outcome.status === 'invalid_credentials') return 'invalid'
    if (outcome.status === 'unreachable') return 'unreachable'
    if (outcome.reason === 'server_error') return 'failing'
    return null
  }
}
