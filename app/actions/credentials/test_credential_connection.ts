import logger from '@adonisjs/core/services/logger'
import type Credential from '#models/credential'
import { integrationClientFor } from '#integrations/clients'
import type {
  ConnectionTestOutcome,
  IntegrationClientOptions,
} from '#integrations/integration_client'
import { outboundSettings } from '#services/outbound_http'
import RecordCredentialHealth from '#actions/credentials/record_credential_health'

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
    if (outcome.status === 'ok' || outcome.status === 'invalid_credentials') {
      await RecordCredentialHealth.handle(
        credential,
        outcome.status === 'ok' ? 'ok' : 'invalid',
        outcome.httpStatus ? `HTTP ${outcome.httpStatus}` : null
      )
    }
    return outcome
  }
}
