import Ga4Client from '#integrations/ga4/client'
import { postJson, type DeliveryOutcome } from '#integrations/delivery'

/** The GA4 client with the Measurement Protocol collect call. */
export default class Ga4Events extends Ga4Client {
  postEvents(body: Record<string, unknown>): Promise<DeliveryOutcome> {
    return postJson(this.http, '/mp/collect', body, {}, this.params)
  }
}
