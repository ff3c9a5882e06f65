import type { AxiosResponse } from 'axios'
import { IntegrationClient } from '#integrations/integration_client'
import type { ConnectionTestOutcome } from '#integrations/integration_client'

/**
 * GA4 Measurement Protocol, docs/integrations/ga4.md: `measurement_id` (the
 * credential's `settings.measurementId`) and `api_secret` (its api key) in the query string.
 */
export default class Ga4Client extends IntegrationClient {
  protected readonly defaultBaseUrl = 'https://www.google-analytics.com'

  get measurementId() {
    return String(this.config.settings.measurementId ?? '')
  }

  protected get params() {
    return { measurement_id: this.measurementId, api_secret: this.config.apiKey }
  }

  /**
   * `/mp/collect` answers 2xx to anything; the test (docs/integrations/ga4.md) is `/debug/mp/collect`, which
   * validates the hit and returns `validationMessages` (empty when it would be accepted).
   */
  async testConnection() {
    const body = {
      client_id: 'funil-digital.connection-test',
      events: [{ name: 'connection_test', params: { engagement_time_msec: 1 } }],
    }
    return this.probe(
      (http) => http.post('/debug/mp/collect', body, { params: this.params }),
      (response) => this.#interpret(response)
    )
  }

  /** A validation message about `api_secret` or `measurement_id` means the credential is wrong. */
  #interpret(response: AxiosResponse): ConnectionTestOutcome {
    if (response.status < 200 || response.status >= 300) return this.byStatus(response)
    const messages: any[] = Array.isArray(response.data?.validationMessages)
      ? response.data.validationMessages
      : []
    if (messages.length === 0) return { status: 'ok', reason: 'ok', httpStatus: response.status }
    const aboutCredential = messages.find((message) =>
      /api_secret|measurement_id/i.test(`${message.fieldPath ?? ''} ${message.description ?? ''}`)
    )
    if (aboutCredential) {
      return {
        status: 'invalid_credentials',
        reason: 'invalid_credentials',
        httpStatus: response.status,
        detail: String(aboutCredential.description ?? '').slice(0, 200) || undefined,
      }
    }
    return {
      status: 'unexpected',
      reason: 'rejected',
      httpStatus: response.status,
      detail: String(messages[0].description ?? '').slice(0, 200) || undefined,
    }
  }
}
