import { DateTime } from 'luxon'
import { buildStaticBrCode, sandboxPixKey } from '#services/br_code'
import { assertChargeCode } from '#services/gateways/charge_code_check'
import { mapSkalePayStatus } from '#services/gateways/status_map'
import { GatewayError, type ChargeRequest, type ChargeSnapshot, type Gateway } from './types.js'

/**
 * The gateway of a workspace without SkalePay credentials. It behaves like a remote gateway
 * whose transaction record lives in the payment's `gateway_response` (same shape and status
 * words as SkalePay's): issuing a charge writes it, "marcar como pago" changes it and posts a
 * postback to the inbox, and reading the charge returns it. Everything downstream (webhook
 * processing, polling, transitions, events, postbacks) therefore runs exactly as in production.
 */
export default class SandboxGateway implements Gateway {
  readonly name = 'sandbox' as const

  constructor(private workspaceId: number) {}

  /** The sandbox transaction id of a payment. */
  static externalId(publicToken: string) {
    return `sbx_${publicToken}`
  }

  async createCharge(request: ChargeRequest): Promise<ChargeSnapshot> {
    const qrcode = buildStaticBrCode({
      pixKey: sandboxPixKey(this.workspaceId),
      merchantName: request.merchant.name,
      merchantCity: request.merchant.city,
      amountCents: request.amountCents,
      txid: request.publicToken,
    })
    const record = {
      id: SandboxGateway.externalId(request.publicToken),
      sandbox: true,
      status: 'waiting_payment',
      amount: request.amountCents,
      paymentMethod: 'pix',
      externalRef: request.publicToken,
      postbackUrl: request.postbackUrl,
      createdAt: DateTime.now().toISO(),
      pix: { qrcode, expirationDate: request.expiresAt.toISO() },
      items: request.items.map((item) => ({
        title: item.name,
        unitPrice: item.priceCents,
        quantity: item.quantity,
        tangible: false,
      })),
    }
    return assertChargeCode(SandboxGateway.snapshot(record), request.amountCents)
  }

  async getCharge(payment: {
    externalId: string | null
    publicToken: string
    gatewayResponse: Record<string, unknown> | null
  }): Promise<ChargeSnapshot> {
    const record = payment.gatewayResponse ?? {}
    if (!payment.externalId || record.id !== payment.externalId) {
      throw new GatewayError('not_found', 'sandbox transaction not found', 404)
    }
    return SandboxGateway.snapshot(record)
  }

  /** A sandbox record read like a SkalePay transaction. */
  static snapshot(record: Record<string, any>): ChargeSnapshot {
    const expiration = record.pix?.expirationDate
    return {
      externalId: String(record.id),
      status: mapSkalePayStatus(record.status),
      gatewayStatus: String(record.status),
      pixCode: record.pix?.qrcode ?? null,
      expiresAt: expiration ? DateTime.fromISO(expiration) : null,
      paidAt: record.paidAt ? DateTime.fromISO(record.paidAt) : null,
      raw: record,
    }
  }
}
