import type { DateTime } from 'luxon'
import type { PaymentGateway, PaymentStatus } from '#enums/payments'
import type { PaymentItem } from '#models/payment'

/** What a gateway needs to issue a PIX charge for one of our payments. */
export interface ChargeRequest {
  /** Our payment's public token: sent as `externalRef`, used as the sandbox's txid. */
  publicToken: string
  amountCents: number
  items: PaymentItem[]
  customer: { name: string; email: string; phone: string | null; cpf: string | null }
  expiresAt: DateTime
  /** Where the gateway posts status changes (carries the workspace's secret token). */
  postbackUrl: string
  /** Recipient shown in the code (the workspace's name and city). */
  merchant: { name: string; city: string | null }
}

/** A charge as the gateway reports it, mapped to our statuses. */
export interface ChargeSnapshot {
  externalId: string
  /** Our status for the gateway's (see `mapSkalePayStatus`). */
  status: PaymentStatus
  /** The gateway's own word, kept for the timeline. */
  gatewayStatus: string
  pixCode: string | null
  expiresAt: DateTime | null
  paidAt: DateTime | null
  /** The whole answer, stored in `payments.gateway_response`. */
  raw: Record<string, unknown>
}

/** Why a gateway call failed; each reason has a pt-BR message (`payments.gateway_error.<reason>`). */
export type GatewayFailure =
  | 'invalid_credentials'
  | 'rejected'
  | 'unavailable'
  | 'timeout'
  | 'not_found'
  | 'invalid_answer'
  /** The gateway's PIX code failed its check (CRC, GUI, amount): never shown to the buyer. */
  | 'invalid_pix_code'

/** Failures that are the gateway's fault, not the buyer's nor the charge's. */
export const GATEWAY_FAULTS: readonly GatewayFailure[] = [
  'invalid_credentials',
  'unavailable',
  'timeout',
  'invalid_answer',
  'invalid_pix_code',
]

/**
 * How a failed payment failed, from its `failed` transition's `reason`: the gateway's fault
 * ("Falha no gateway": down, misconfigured, an invalid PIX code) or a refusal ("Recusado":
 * the bank or the gateway said no to the charge or the buyer's data).
 */
export function failureKind(reason: unknown): 'gateway' | 'refused' {
  return GATEWAY_FAULTS.includes(reason as GatewayFailure) ? 'gateway' : 'refused'
}

/**
 * A gateway call that failed. `detail` is what the gateway said (for the admin and the logs);
 * the visitor only ever sees the friendly message of `reason`.
 */
export class GatewayError extends Error {
  constructor(
    public reason: GatewayFailure,
    public detail?: string,
    public httpStatus?: number
  ) {
    super(`gateway ${reason}${httpStatus ? ` (${httpStatus})` : ''}${detail ? `: ${detail}` : ''}`)
    this.name = 'GatewayError'
  }

  /** Dictionary key of the message a person sees. */
  get messageKey() {
    return `payments.gateway_error.${this.reason}`
  }

  /** Worth retrying later (a queue retries; a buyer may try again). */
  get transient() {
    return this.reason === 'unavailable' || this.reason === 'timeout'
  }

  /**
   * The gateway's fault rather than the buyer's (a refusal of the data, an unknown charge):
   * the payment list says "Falha no gateway" and the credential's health counts it.
   */
  get gatewayFault() {
    return GATEWAY_FAULTS.includes(this.reason)
  }
}

/** One interface for every PIX gateway: issue a charge, read it back. */
export interface Gateway {
  readonly name: PaymentGateway
  createCharge(request: ChargeRequest): Promise<ChargeSnapshot>
  /** Reads the charge at the gateway: the source of truth for webhooks, polls and the admin. */
  getCharge(payment: {
    externalId: string | null
    publicToken: string
    gatewayResponse: Record<string, unknown> | null
  }): Promise<ChargeSnapshot>
}
