import { IntegrationClient } from '#integrations/integration_client'

/** How the CPF provider wants the key: `Authorization: Bearer`, `Authorization: Token` or `?token=`. */
export const DATAGET_AUTH_MODES = ['bearer', 'token', 'query'] as const
export type DatagetAuthMode = (typeof DATAGET_AUTH_MODES)[number]

/** A CPF with valid check digits (docs/integrations/dataget.md), used only by the connection test. */
const PROBE_CPF = '52998224725'

/**
 * DataGet-type CPF lookup, docs/integrations/dataget.md. No public base URL exists:
 * the credential's `apiUrl` is the lookup endpoint itself (`GET {apiUrl}?cpf=`).
 */
export default class DatagetClient extends IntegrationClient {
  protected readonly defaultBaseUrl = null

  get authMode(): DatagetAuthMode {
    const mode = this.config.settings.authMode
    return DATAGET_AUTH_MODES.includes(mode as DatagetAuthMode)
      ? (mode as DatagetAuthMode)
      : 'bearer'
  }

  /** Query and headers of a lookup, per the credential's auth mode. */
  protected request(cpf: string) {
    const params: Record<string, string> = { cpf }
    const headers: Record<string, string> = {}
    if (this.authMode === 'query') params.token = this.config.apiKey
    else
      headers.authorization = `${this.authMode === 'token' ? 'Token' : 'Bearer'} ${this.config.apiKey}`
    return { params, headers }
  }

  /**
   * The only documented call is the lookup itself. 200 (found) and 404 (CPF not found) both
   * mean the key was accepted; 401/403 mean a bad key or no credits left.
   */
  async testConnection() {
    return this.probe(
      (http) => http.get('', this.request(PROBE_CPF)),
      (response) => this.byStatus(response, [404])
    )
  }
}
