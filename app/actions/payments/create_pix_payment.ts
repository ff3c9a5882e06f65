import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'
import Payment, { type PaymentItem } from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import type { TransitionSource } from '#enums/payments'
import type { PaymentAttribution } from '#services/attribution'
import { gatewayForNewCharge, GatewayError } from '#services/gateways/index'
import { itemsTotal } from '#services/payment_items'
import { discountedItems } from '#services/coupons'
import CouponUses from '#actions/coupons/coupon_uses'
import { qrSvg } from '#services/br_code'
import { appUrl } from '#config/app'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import PaymentEvents from '#actions/payments/payment_events'
import SchedulePaymentJobs, { nextCheckAfter } from '#actions/payments/schedule_payment_jobs'

/** How long a PIX code stays payable when the checkout shows no countdown. */
export const PIX_EXPIRY_MINUTES = 30

/** The PIX expiry of a checkout: its countdown (1–240 min) when it shows one, else 30 min. */
export function pixExpiryMinutes(countdownMinutes: number | null | undefined) {
  return countdownMinutes && countdownMinutes > 0
    ? Math.min(240, Math.round(countdownMinutes))
    : PIX_EXPIRY_MINUTES
}

export interface BuyerData {
  name?: string
  email?: string
  phone?: string
  cpf?: string
}

interface Params {
  workspace: Workspace
  funnelId: number
  stepId: number
  items: PaymentItem[]
  customer: BuyerData
  visitorId?: number | null
  /** The visitor's session cookie: the beacon flush links the payment when it writes the visitor. */
  visitorSessionId?: string | null
  /** The landing attribution as the checkout carried it. */
  attribution?: PaymentAttribution
  parentPaymentId?: number | null
  /** Who asked for the charge: the public checkout or the JSON API. */
  source: Extract<TransitionSource, 'checkout' | 'api'>
  /** How long the code stays payable (the checkout's countdown); 30 min by default. */
  expiresInMinutes?: number
  /** A coupon priced by PriceCheckout: its use is taken in the payment's own transaction. */
  discount?: { couponId: number; couponCode: string; discountCents: number } | null
}

/** The URL the gateway posts status changes to, with the workspace's secret token. */
export function postbackUrl(workspace: Pick<Workspace, 'webhookToken'>) {
  return `${appUrl.replace(/\/$/, '')}/api/payments/webhook/${workspace.webhookToken}`
}

/** A payment's public token: 32 hex characters (the sandbox's txid uses the first 25). */
function newToken() {
  return randomBytes(16).toString('hex')
}

/**
 * Creates a PIX payment and its charge at the workspace's gateway (SkalePay, else the sandbox).
 * The payment row is written first (pending, with its items and total computed on the server),
 * then the gateway is called outside any transaction. A gateway failure marks the payment
 * failed (visible in the admin with the reason) and is rethrown for a friendly message.
 * Afterwards: `new_payment`, the polling job and the expiry job.
 */
export default class CreatePixPayment {
  static async handle(params: Params) {
    const { workspace } = params
    const gateway = await gatewayForNewCharge(workspace)
    const subtotalCents = itemsTotal(params.items)
    const discountCents = params.discount?.discountCents ?? 0
    /** What the buyer pays; the table refuses a total of zero or less (payments_amount_check). */
    const amountCents = subtotalCents - discountCents
    const expiresAt = DateTime.now().plus({
      minutes: params.expiresInMinutes ?? PIX_EXPIRY_MINUTES,
    })
    const customer = Object.fromEntries(
      Object.entries(params.customer).filter(([, value]) => typeof value === 'string' && value)
    ) as Record<string, string>

    const { payment, creation } = await db.transaction(async (trx) => {
      const created = await Payment.create(
        {
          workspaceId: workspace.id,
          publicToken: newToken(),
          funnelId: params.funnelId,
          stepId: params.stepId,
          visitorId: params.visitorId ?? null,
          visitorSessionId: params.visitorSessionId ?? null,
          attribution: params.attribution ?? {},
          parentPaymentId: params.parentPaymentId ?? null,
          gateway: gateway.name,
          amountCents,
          subtotalCents,
          discountCents,
          couponId: params.discount?.couponId ?? null,
          couponCode: params.discount?.couponCode ?? null,
          currency: 'BRL',
          status: 'pending',
          paymentMethod: 'pix',
          items: params.items,
          customerData: customer,
          gatewayResponse: {},
          expiresAt,
        },
        { client: trx }
      )
      const transition = await PaymentTransition.create(
        {
          workspaceId: workspace.id,
          paymentId: created.id,
          fromStatus: null,
          toStatus: 'pending',
          source: params.source,
          details: { gateway: gateway.name },
        },
        { client: trx }
      )
      if (params.discount) {
        await CouponUses.reserve(trx, {
          workspaceId: workspace.id,
          couponId: params.discount.couponId,
          paymentId: created.id,
          discountCents,
          email: customer.email ?? null,
          cpf: customer.cpf ?? null,
        })
      }
      return { payment: created, creation: transition }
    })

    let snapshot
    try {
      snapshot = await gateway.createCharge({
        publicToken: payment.publicToken,
        amountCents,
        /** The lines add up to the charged total: the discount is spread over them. */
        items: discountedItems(params.items, discountCents),
        customer: {
          name: customer.name ?? '',
          email: customer.email ?? '',
          phone: customer.phone ?? null,
          cpf: customer.cpf ?? null,
        },
        expiresAt,
        postbackUrl: postbackUrl(workspace),
        merchant: {
          name: workspace.name,
          city: (workspace.settings?.city as string | undefined) ?? null,
        },
      })
    } catch (error) {
      const reason = error instanceof GatewayError ? error : new GatewayError('unavailable')
      logger.warn({ paymentId: payment.id, err: error }, 'PIX charge refused by the gateway')
      await ApplyPaymentTransition.handle({
        workspaceId: workspace.id,
        paymentId: payment.id,
        to: 'failed',
        source: params.source,
        details: { reason: reason.reason, detail: reason.detail ?? null },
      })
      throw reason
    }

    payment.externalId = snapshot.externalId
    payment.pixCode = snapshot.pixCode
    payment.pixQrSvg = snapshot.pixCode ? await qrSvg(snapshot.pixCode) : null
    payment.gatewayResponse = snapshot.raw
    /**
     * The earlier of the two expiries: the buyer's countdown is ours, and a gateway that can
     * only expire in whole days (SkalePay) must not stretch polling over 24 h; a payment the
     * gateway takes after our expiry is still honoured (`expired → paid`).
     */
    if (snapshot.expiresAt && snapshot.expiresAt > DateTime.now() && snapshot.expiresAt < expiresAt)
      payment.expiresAt = snapshot.expiresAt
    payment.nextCheckAt = nextCheckAfter(0, payment.expiresAt)
    await payment.save()

    await PaymentEvents.created(payment, creation)
    if (snapshot.status !== 'pending') {
      const outcome = await ApplyPaymentTransition.handle({
        workspaceId: workspace.id,
        paymentId: payment.id,
        to: snapshot.status,
        source: params.source,
        snapshot,
      })
      return outcome.payment
    }
    await SchedulePaymentJobs.afterCreation(payment)
    return payment
  }
}
