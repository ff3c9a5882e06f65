import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import SkalePayTransactions, { SkalePayError } from '#integrations/skalepay/transactions'
import type { IntegrationClientOptions, IntegrationConfig } from '#integrations/integration_client'
import { assertChargeCode } from '#services/gateways/charge_code_check'
import { isKnownSkalePayStatus, mapSkalePayStatus } from '#services/gateways/status_map'
import {
  GatewayError,
  type ChargeRequest,
  type ChargeSnapshot,
  type Gateway,
  type GatewayFailure,
} from './types.js'

const FAILURES: Record<SkalePayError['kind'], GatewayFailure> = {
  invalid_credentials: 'invalid_credentials',
  rejected: 'rejected',
  not_found: 'not_found',
  server_error: 'unavailable',
  timeout: 'timeout',
  unreachable: 'unavailable',
  blocked: 'unavailable',
  invalid_url: 'invalid_credentials',
  invalid_answer: 'invalid_answer',
}

/** SkalePay behind the gateway interface: our payment ↔ their transaction. */
export default class SkalePayGateway implements Gateway {
  readonly name = 'skalepay' as const
  #client: SkalePayTransactions

  constructor(config: IntegrationConfig, options: IntegrationClientOptions = {}) {
    this.#client = new SkalePayTransactions(config, options)
  }

  async createCharge(request: ChargeRequest): Promise<ChargeSnapshot> {
    const cpf = request.customer.cpf?.replace(/\D/g, '')
    const days = Math.max(1, Math.ceil(request.expiresAt.diffNow('days').days))
    const body = await this.#run(() =>
      this.#client.createTransaction({
        amount: request.amountCents,
        paymentMethod: 'pix',
        customer: {
          name: request.customer.name,
          email: request.customer.email,
          ...(request.customer.phone ? { phone: request.customer.phone.replace(/\D/g, '') } : {}),
          ...(cpf ? { document: { type: 'cpf', number: cpf } } : {}),
        },
        items: request.items.map((item, index) => ({
          title: item.name,
          unitPrice: item.priceCents,
          quantity: item.quantity,
          tangible: false,
          externalRef: `${request.publicToken}-${index}`,
        })),
        pix: { expiresInDays: days },
        postbackUrl: request.postbackUrl,
        externalRef: request.publicToken,
        metadata: { publicToken: request.publicToken },
      })
    )
    const snapshot = this.#snapshot(body)
    if (snapshot.status === 'pending' && !snapshot.pixCode) {
      throw new GatewayError('invalid_answer', 'no pix.qrcode in the answer')
    }
    return assertChargeCode(snapshot, request.amountCents)
  }

  async getCharge(payment: { externalId: string | null }): Promise<ChargeSnapshot> {
    if (!payment.externalId) throw new GatewayError('not_found', 'payment has no transaction id')
    const id = payment.externalId
    return this.#snapshot(await this.#run(() => this.#client.getTransaction(id)))
  }

  async #run<T>(call: () => Promise<T>) {
    try {
      return await call()
    } catch (error) {
      if (error instanceof SkalePayError) {
        throw new GatewayError(FAILURES[error.kind], error.detail, error.httpStatus)
      }
      throw error
    }
  }

  #snapshot(body: Record<string, any>): ChargeSnapshot {
    if (!isKnownSkalePayStatus(body.status)) {
      logger.warn({ status: body.status, id: body.id }, 'SkalePay: unknown status kept pending')
    }
    const expiration = body.pix?.expirationDate
    const expiresAt = expiration ? DateTime.fromISO(String(expiration)) : null
    const paidAt = body.paidAt ? DateTime.fromISO(String(body.paidAt)) : null
    return {
      externalId: String(body.id),
      status: mapSkalePayStatus(body.status),
      gatewayStatus: String(body.status ?? 'unknown'),
      pixCode: typeof body.pix?.qrcode === 'string' ? body.pix.qrcode : null,
      expiresAt: expiresAt?.isValid ? expiresAt : null,
      paidAt: paidAt?.isValid ? paidAt : null,
      raw: body,
    }
  }
}
