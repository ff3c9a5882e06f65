import type { AxiosInstance, AxiosResponse } from 'axios'
import SkalePayClient from '#integrations/skalepay/client'
import { messageOf } from '#integrations/integration_client'
import { checkIntegrationUrl, classifyFailure, outboundSettings } from '#services/outbound_http'

/** `POST /transactions` body (contract: docs/integrations/skalepay.md). Amounts in centavos. */
export interface SkalePayTransactionRequest {
  amount: number
  paymentMethod: 'pix'
  customer: {
    name: string
    email: string
    phone?: string
    document?: { type: 'cpf' | 'cnpj'; number: string }
  }
  items: Array<{
    title: string
    unitPrice: number
    quantity: number
    tangible: false
    externalRef?: string
  }>
  pix?: { expiresInDays: number }
  postbackUrl?: string
  externalRef?: string
  metadata?: Record<string, unknown>
}

/** Why a SkalePay call failed, before the gateway layer words it for people. */
export type SkalePayFailure =
  | 'invalid_credentials'
  | 'rejected'
  | 'not_found'
  | 'server_error'
  | 'timeout'
  | 'unreachable'
  | 'blocked'
  | 'invalid_url'
  | 'invalid_answer'

export class SkalePayError extends Error {
  constructor(
    public kind: SkalePayFailure,
    public httpStatus?: number,
    public detail?: string
  ) {
    super(`SkalePay ${kind}${httpStatus ? ` ${httpStatus}` : ''}${detail ? `: ${detail}` : ''}`)
    this.name = 'SkalePayError'
  }
}

/**
 * SkalePay's transaction calls, on top of the connection-test client (same base URL, auth and
 * SSRF-guarded axios instance). Each call either returns the transaction object or throws a
 * SkalePayError; no retries here (the queues retry).
 */
export default class SkalePayTransactions extends SkalePayClient {
  /** Creates a PIX charge and returns the transaction (status `waiting_payment`, `pix.qrcode`). */
  async createTransaction(payload: SkalePayTransactionRequest) {
    return this.#call((http) => http.post('/transactions', payload, { auth: this.auth }))
  }

  /** Reads a transaction by its gateway id. */
  async getTransaction(id: string) {
    return this.#call((http) =>
      http.get(`/transactions/${encodeURIComponent(id)}`, { auth: this.auth })
    )
  }

  async #call(send: (http: AxiosInstance) => Promise<AxiosResponse>) {
    const base = this.baseUrl
    const refusal = base
      ? checkIntegrationUrl(base, {
          allowPrivate: this.options.allowPrivate ?? outboundSettings.allowPrivate,
        })
      : 'invalid_url'
    if (refusal === 'private_address') throw new SkalePayError('blocked')
    if (refusal) throw new SkalePayError('invalid_url')

    let response: AxiosResponse
    try {
      response = await send(this.http)
    } catch (error) {
      throw new SkalePayError(classifyFailure(error).kind)
    }
    const status = response.status
    if (status >= 200 && status < 300) {
      const body = response.data
      if (!body || typeof body !== 'object' || body.id === undefined || body.id === null) {
        throw new SkalePayError('invalid_answer', status)
      }
      return body as Record<string, any>
    }
    if (status === 401 || status === 403) throw new SkalePayError('invalid_credentials', status)
    if (status === 404) throw new SkalePayError('not_found', status, messageOf(response.data))
    if (status >= 500) throw new SkalePayError('server_error', status)
    throw new SkalePayError('rejected', status, fieldErrors(response.data))
  }
}

/** `{ message }`, or field errors (`{ errors: [{ field, message }] }` / a map) as one line. */
function fieldErrors(body: any): string | undefined {
  const list = Array.isArray(body?.errors) ? body.errors : null
  if (list?.length) {
    return list
      .map((item: any) =>
        [item?.field ?? item?.parameter_name, item?.message].filter(Boolean).join(': ')
      )
      .join('; ')
      .slice(0, 300)
  }
  return messageOf(body)
}
