import type { LookupFunction } from 'node:net'
import type { AxiosInstance, AxiosResponse } from 'axios'
import {
  checkIntegrationUrl,
  createHttpClient,
  classifyFailure,
  outboundSettings,
} from '#services/outbound_http'

/** What a credential gives its client: the decrypted secrets and the non-secret options. */
export interface IntegrationConfig {
  apiKey: string
  apiSecret: string | null
  /** Overrides the service's base URL (stubs in tests, a white-label host in production). */
  apiUrl: string | null
  settings: Record<string, unknown>
}

/** Transport options, injectable so tests can shorten the deadline or turn the SSRF allowance off. */
export interface IntegrationClientOptions {
  timeoutMs?: number
  allowPrivate?: boolean
  lookup?: LookupFunction
}

export type ConnectionStatus = 'ok' | 'invalid_credentials' | 'unreachable' | 'unexpected'

/**
 * The language-neutral result of "testar conexão": `reason` picks the message
 * (`integrations.test.<reason>`), `detail` is what the service said, when it said something.
 */
export interface ConnectionTestOutcome {
  status: ConnectionStatus
  reason:
    | 'ok'
    | 'invalid_credentials'
    | 'timeout'
    | 'unreachable'
    | 'blocked'
    | 'invalid_url'
    | 'rejected'
    | 'server_error'
  httpStatus?: number
  detail?: string
}

/**
 * Base of the per-service axios clients. Each client knows its service's default base URL (docs/integrations/);
 * `testConnection()` makes the service's cheapest authenticated call and says what it means.
 * Later issues add the real calls (charges, postbacks, conversions) to the same clients.
 */
export abstract class IntegrationClient {
  /** The service's documented base URL, used when the credential has no `apiUrl`. */
  protected abstract readonly defaultBaseUrl: string | null

  #http?: AxiosInstance

  constructor(
    protected config: IntegrationConfig,
    protected options: IntegrationClientOptions = {}
  ) {}

  /** The base URL calls go to: the credential's override, else the service's. */
  get baseUrl() {
    return this.config.apiUrl ?? this.defaultBaseUrl
  }

  protected get http() {
    this.#http ??= createHttpClient({
      baseURL: this.baseUrl ?? undefined,
      timeoutMs: this.options.timeoutMs,
      allowPrivate: this.options.allowPrivate,
      lookup: this.options.lookup,
    })
    return this.#http
  }

  /** Calls the service with the credential and says whether it works. Never throws. */
  abstract testConnection(): Promise<ConnectionTestOutcome>

  /**
   * Runs a probe request: the stored URL is checked again (it may predate the current rules),
   * network failures become outcomes, answers go to `interpret`.
   */
  protected async probe(
    send: (http: AxiosInstance) => Promise<AxiosResponse>,
    interpret: (response: AxiosResponse) => ConnectionTestOutcome
  ): Promise<ConnectionTestOutcome> {
    const base = this.baseUrl
    if (!base) return { status: 'unexpected', reason: 'invalid_url' }
    const refusal = checkIntegrationUrl(base, {
      allowPrivate: this.options.allowPrivate ?? outboundSettings.allowPrivate,
    })
    if (refusal === 'private_address') return { status: 'unreachable', reason: 'blocked' }
    if (refusal) return { status: 'unexpected', reason: 'invalid_url' }

    let response: AxiosResponse
    try {
      response = await send(this.http)
    } catch (error) {
      const failure = classifyFailure(error)
      return { status: 'unreachable', reason: failure.kind }
    }
    return interpret(response)
  }

  /** The usual reading of an answer: 2xx works, 401/403 is a bad key, 5xx the service's fault. */
  protected byStatus(response: AxiosResponse, okStatuses: number[] = []): ConnectionTestOutcome {
    const httpStatus = response.status
    if ((httpStatus >= 200 && httpStatus < 300) || okStatuses.includes(httpStatus)) {
      return { status: 'ok', reason: 'ok', httpStatus }
    }
    if (httpStatus === 401 || httpStatus === 403) {
      return { status: 'invalid_credentials', reason: 'invalid_credentials', httpStatus }
    }
    if (httpStatus >= 500) return { status: 'unexpected', reason: 'server_error', httpStatus }
    return {
      status: 'unexpected',
      reason: 'rejected',
      httpStatus,
      detail: messageOf(response.data),
    }
  }
}

/** A short, printable message out of an error body (`{ message }`, `{ error: { message } }`, a map). */
export function messageOf(body: unknown): string | undefined {
  if (!body) return undefined
  if (typeof body === 'string') return body.slice(0, 200) || undefined
  if (typeof body !== 'object') return undefined
  const record = body as Record<string, any>
  const candidate =
    record.message ??
    record.error?.message ??
    record.error_description ??
    (typeof record.error === 'string' ? record.error : undefined) ??
    Object.values(record).find((value) => typeof value === 'string')
  return typeof candidate === 'string' ? candidate.slice(0, 200) : undefined
}
