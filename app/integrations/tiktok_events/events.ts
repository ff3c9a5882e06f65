import TiktokEventsClient from '#integrations/tiktok_events/client'
import { postJson, type DeliveryOutcome } from '#integrations/delivery'

/** The TikTok Events client with the event post; a 2xx with `code` other than 0 is a refusal. */
export default class TiktokEvents extends TiktokEventsClient {
  postEvents(body: Record<string, unknown>): Promise<DeliveryOutcome> {
    return postJson(
      this.http,
      '/event/track/',
      body,
      { 'Access-Token': this.config.apiKey },
      {},
      (data) => data?.code === undefined || Number(data.code) === 0
    )
  }
}
