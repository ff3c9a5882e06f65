import { DateTime } from 'luxon'
import { IntegrationClient } from '#integrations/integration_client'

/** UTMify orders API, docs/integrations/utmify.md: header `x-api-token`. */
export default class UtmifyClient extends IntegrationClient {
  protected readonly defaultBaseUrl = 'https://api.utmify.com.br/api-credentials'

  protected get headers() {
    return { 'x-api-token': this.config.apiKey }
  }

  /**
   * UTMify has one endpoint; its `isTest: true` (docs/integrations/utmify.md) validates an order without saving
   * it, which is exactly a connection test. The order is visibly a test (no buyer data).
   */
  async testConnection() {
    const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
    const order = {
      orderId: `teste-conexao-${Date.now()}`,
      platform: 'FunilDigital',
      paymentMethod: 'pix',
      status: 'waiting_payment',
      createdAt: now,
      approvedDate: null,
      refundedAt: null,
      customer: {
        name: 'Teste de conexão',
        email: 'teste-conexao@example.com',
        phone: null,
        document: null,
        country: 'BR',
      },
      products: [
        {
          id: 'teste-conexao',
          name: 'Teste de conexão',
          planId: null,
          planName: null,
          quantity: 1,
          priceInCents: 100,
        },
      ],
      trackingParameters: {
        src: null,
        sck: null,
        utm_source: null,
        utm_campaign: null,
        utm_medium: null,
        utm_content: null,
        utm_term: null,
      },
      commission: {
        totalPriceInCents: 100,
        gatewayFeeInCents: 0,
        userCommissionInCents: 100,
        currency: 'BRL',
      },
      isTest: true,
    }
    return this.probe(
      (http) => http.post('/orders', order, { headers: this.headers }),
      (response) => this.byStatus(response)
    )
  }
}
