import { IntegrationClient } from '#integrations/integration_client'

/**
 * SkalePay (PIX gateway), docs/integrations/skalepay.md: HTTP Basic with the secret key
 * as user name and `x` as password.
 */
export default class SkalePayClient extends IntegrationClient {
  protected readonly defaultBaseUrl = 'https://api.conta.skalepay.com.br/v1'

  protected get auth() {
    return { username: this.config.apiKey, password: 'x' }
  }

  /**
   * The contract has no "who am I" endpoint; its cheapest authenticated call is reading a
   * transaction. Transaction `0` never exists: 404 means the key was accepted, 401/403 refused.
   */
  async testConnection() {
    return this.probe(
      (http) => http.get('/transactions/0', { auth: this.auth }),
      (response) => this.byStatus(response, [404])
    )
  }
}
