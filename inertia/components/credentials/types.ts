import type { Data } from '@generated/data'

/** What the credentials page receives: CredentialTransformer's generated types. */
export type CredentialRow = Data.Credential
export type CredentialService = CredentialRow['service']
/** The answer of "testar conexão" (the `testResult` variant). */
export type ConnectionTestResult = Data.Credential.Variants['testResult']
export type ConnectionStatus = ConnectionTestResult['status']

export type ServiceInfo = {
  key: CredentialService
  /** The service's documented base URL, or null when the credential must give one (CPF lookup). */
  defaultUrl: string | null
}
