import { createHash } from 'node:crypto'
import type { AxiosResponse } from 'axios'
import { IntegrationClient, messageOf } from '#integrations/integration_client'
import type { ConnectionTestOutcome } from '#integrations/integration_client'

/** Graph API version the events are posted to. */
export const META_GRAPH_VERSION = 'v21.0'

/** Graph API error codes that mean the token (not the payload) is the problem. */
const TOKEN_ERROR_CODES = [102, 190, 10, 200]

/**
 * Meta Conversions API, docs/integrations/meta_capi.md: `POST /{version}/{pixelId}/events`
 * with `access_token` (the credential's api key); `settings.pixelId`, optional `testEventCode`.
 */
export default class MetaCapiClient extends IntegrationClient {
  protected readonly defaultBaseUrl = 'https://graph.facebook.com'

  get pixelId() {
    return String(this.config.settings.pixelId ?? '')
  }

  get testEventCode() {
    const code = this.config.settings.testEventCode
    return typeof code === 'string' && code ? code : undefined
  }

  /**
   * The contract documents one call, posting events. The test posts a single custom event
   * (not a standard one, so it never feeds optimisation) marked with the credential's test
   * event code when there is one, which routes it to Events Manager's "Test events".
   */
  async testConnection() {
    const body = {
      data: [
        {
          event_name: 'FunilDigitalConnectionTest',
          event_time: Math.floor(Date.now() / 1000),
          event_id: `connection-test-${Date.now()}`,
          action_source: 'system_generated',
          user_data: {
            external_id: [
              createHash('sha256').update('funil-digital-connection-test').digest('hex'),
            ],
          },
        },
      ],
      ...(this.testEventCode ? { test_event_code: this.testEventCode } : {}),
    }
    return this.probe(
      (http) =>
        http.post(`/${META_GRAPH_VERSION}/${encodeURIComponent(this.pixelId)}/events`, body, {
          params: { access_token: this.config.apiKey },
        }),
      (response) => this.#interpret(response)
    )
  }

  /** Graph answers a bad token with 400 + OAuthException (code 190), not with 401. */
  #interpret(response: AxiosResponse): ConnectionTestOutcome {
    const error = response.data?.error
    if (response.status >= 400 && response.status < 500 && error) {
      if (error.type === 'OAuthException' && TOKEN_ERROR_CODES.includes(Number(error.code))) {
        return {
          status: 'invalid_credentials',
          reason: 'invalid_credentials',
          httpStatus: response.status,
        }
      }
      return {
        status: 'unexpected',
        reason: 'rejected',
        httpStatus: response.status,
        detail: messageOf(response.data),
      }
    }
    return this.byStatus(response)
  }
}
