import type { AxiosInstance } from 'axios'
import { classifyFailure } from '#services/outbound_http'

/** What one delivery attempt to a destination gave, recorded on its `postback_deliveries` row. */
export interface DeliveryOutcome {
  ok: boolean
  /** Null when no HTTP answer arrived (timeout, refused connection, blocked address). */
  httpStatus: number | null
  /** The first characters of the answer, or the network failure's kind. */
  excerpt: string | null
  durationMs: number
  /** False for answers that will never change by retrying (4xx other than 408/429). */
  retryable: boolean
}

const EXCERPT_LENGTH = 500

/** 2xx succeeds; 408, 429 and 5xx are worth retrying; any other 4xx is final. */
export function isRetryableStatus(status: number) {
  return status === 408 || status === 429 || status >= 500
}

function excerptOf(data: unknown) {
  if (data === undefined || data === null || data === '') return null
  const text = typeof data === 'string' ? data : JSON.stringify(data)
  return text.slice(0, EXCERPT_LENGTH)
}

/** Posts a JSON body and turns whatever happens into a `DeliveryOutcome`. Never throws. */
export async function postJson(
  http: AxiosInstance,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  params: Record<string, string> = {},
  /** Reads a 2xx answer that still means a refusal (TikTok's `code`), final when it says so. */
  accept: (data: any) => boolean = () => true
): Promise<DeliveryOutcome> {
  const started = performance.now()
  try {
    const response = await http.post(url, body, {
      headers: { 'content-type': 'application/json', ...headers },
      params,
    })
    const ok = response.status >= 200 && response.status < 300 && accept(response.data)
    return {
      ok,
      httpStatus: response.status,
      excerpt: excerptOf(response.data),
      durationMs: Math.round(performance.now() - started),
      retryable: !ok && isRetryableStatus(response.status),
    }
  } catch (error) {
    const failure = classifyFailure(error)
    return {
      ok: false,
      httpStatus: null,
      excerpt: failure.kind,
      durationMs: Math.round(performance.now() - started),
      /** A refused private address will not become public by waiting. */
      retryable: failure.kind !== 'blocked',
    }
  }
}
