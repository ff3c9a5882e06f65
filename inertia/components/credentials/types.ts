import type { JsonObject } from '~/types'
/** What the credentials page receives (see app/transformers/credential_transformer.ts). */
export type CredentialService =
  'skalepay' | 'utmify' | 'dataget' | 'meta_capi' | 'tiktok_events' | 'ga4'

export type CredentialRow = {
  id: number
  name: string
  service: CredentialService
  /** Masked (`sk_live_…a1b2`): the full key never reaches the page. */
  apiKeyMasked: string | null
  apiSecretMasked: string | null
  hasApiSecret: boolean
  apiUrl: string | null
  settings: JsonObject
  isActive: boolean
  /** What the last real call (a delivery or a connection test) said of the key. */
  health: 'unknown' | 'ok' | 'invalid' | 'unreachable' | 'failing'
  healthError: string | null
  healthCheckedAt: string | null
  createdBy: number | null
  createdAt: string | null
  updatedAt: string | null
}

export type ServiceInfo = {
  key: CredentialService
  /** The service's documented base URL, or null when the credential must give one (CPF lookup). */
  defaultUrl: string | null
}

export type ConnectionStatus = 'ok' | 'invalid_credentials' | 'unreachable' | 'unexpected'

export type ConnectionTestResult = {
  status: ConnectionStatus
  httpStatus?: number
  message: string
}
