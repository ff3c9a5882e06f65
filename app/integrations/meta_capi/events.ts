import MetaCapiClient, { META_GRAPH_VERSION } from '#integrations/meta_capi/client'
import { postJson, type DeliveryOutcome } from '#integrations/delivery'

/** The Meta CAPI client with the event post. */
export default class MetaCapiEvents extends MetaCapiClient {
  postEvents(body: Record<string, unknown>): Promise<DeliveryOutcome> {
    return postJson(
      this.http,
      `/${META_GRAPH_VERSION}/${encodeURIComponent(this.pixelId)}/events`,
      body,
      {},
      { access_token: this.config.apiKey }
    )
  }
}
