import { createHash } from 'node:crypto'
import type { AxiosResponse } from 'axios'
import { IntegrationClient } from '#integrations/integration_client'
import type { ConnectionTestOutcome } from '#integrations/integration_client'
import { appUrl } from '#config/app'

/** TikTok business API codes for a missing, wrong or revoked token or a missing permission. */
const TOKEN_ERROR_CODES = [40001, 40100, 40101, 40102, 40103, 40104, 40105]

/**
 * TikTok Events API 2.0, docs/integrations/tiktok_events.md: header `Access-Token` (the
 * credential's api key); `settings.pixelCode`, optional `testEventCode`.
 */
export default class TiktokEventsClient extends IntegrationClient {
  protected readonly defaultBaseUrl = 'https://business-api.tiktok.com/open_api/v1.3'

  get pixelCode() {
    return String(this.config.settings.pixelCode ?? '')
  }

  get testEventCode() {
    const code = this.config.settings.testEventCode
    return typeof code === 'string' && code ? code : undefined
  }

  /**
   * The contract documents one call, `event/track`. The test sends one `ViewContent` with no
   * buyer data, marked with the credential's test event code when there is one.
   */
  async testConnection() {
    const body = {
      event_source: 'web',
      event_source_id: this.pixelCode,
      ...(this.testEventCode ? { test_event_code: this.testEventCode } : {}),
      data: [
        {
          event: 'ViewContent',
          event_time: Math.floor(Date.now() / 1000),
          event_id: `connection-test-${Date.now()}`,
          user: {
            external_id: createHash('sha256').update('funil-digital-connection-test').digest('hex'),
          },
          page: { url: appUrl },
        },
      ],
    }
    return this.probe(
      (http) =>
        http.post('/event/track/', body, { headers: { 'Access-Token': this.config.apiKey } }),
      (response) => this.#interpret(response)
    )
  }

  /** TikTok answers HTTP 200 with its own `code`: 0 is accepted (*unconfirmed*: docs/integrations/tiktok_events.md). */
  #interpret(response: AxiosResponse): ConnectionTestOutcome {
    const body = response.data
    if (response.status === 200 && body && typeof body === 'object' && 'code' in body) {
      const code = Number(body.code)
      if (code === 0) return { status: 'ok', reason: 'ok', httpStatus: 200 }
      if (TOKEN_ERROR_CODES.includes(code)) {
        return { status: 'invalid_credentials', reason: 'invalid_credentials', httpStatus: 200 }
      }
      return {
        status: 'unexpected',
        reason: 'rejected',
        httpStatus: 200,
        detail: typeof body.message === 'string' ? body.message.slice(0, 200) : undefined,
      }
    }
    return this.byStatus(response)
  }
}
