import type { CredentialService } from '#enums/funnels'
import type {
  IntegrationClient,
  IntegrationClientOptions,
  IntegrationConfig,
} from '#integrations/integration_client'
import SkalePayClient from '#integrations/skalepay/client'
import UtmifyClient from '#integrations/utmify/client'
import DatagetClient from '#integrations/dataget/client'
import MetaCapiClient from '#integrations/meta_capi/client'
import TiktokEventsClient from '#integrations/tiktok_events/client'
import Ga4Client from '#integrations/ga4/client'

const CLIENTS = {
  skalepay: SkalePayClient,
  utmify: UtmifyClient,
  dataget: DatagetClient,
  meta_capi: MetaCapiClient,
  tiktok_events: TiktokEventsClient,
  ga4: Ga4Client,
} satisfies Record<
  CredentialService,
  new (config: IntegrationConfig, options?: IntegrationClientOptions) => IntegrationClient
>

/** The axios client of a credential's service, built from its decrypted key and settings. */
export function integrationClientFor(
  credential: IntegrationConfig & { service: CredentialService },
  options: IntegrationClientOptions = {}
): IntegrationClient {
  const Client = CLIENTS[credential.service]
  return new Client(
    {
      apiKey: credential.apiKey,
      apiSecret: credential.apiSecret,
      apiUrl: credential.apiUrl,
      settings: credential.settings ?? {},
    },
    options
  )
}

/** The documented base URL of a service (docs/integrations/) (null when the credential must give one). */
export function defaultBaseUrlOf(service: CredentialService): string | null {
  return integrationClientFor({ service, apiKey: '', apiSecret: null, apiUrl: null, settings: {} })
    .baseUrl
}
