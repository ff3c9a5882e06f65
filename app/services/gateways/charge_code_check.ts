import { checkChargeCode } from '#services/br_code'
import { GatewayError, type ChargeSnapshot } from './types.js'

/**
 * A new charge's PIX code is checked before anybody sees it: a code whose CRC is wrong cannot
 * be paid, and one whose amount differs from the charge takes the wrong money. Either way the
 * charge fails (`invalid_pix_code`) instead of reaching the buyer. Only a charge still waiting
 * for payment needs a code; the transaction id goes into the detail for the admin.
 */
export function assertChargeCode(snapshot: ChargeSnapshot, amountCents: number) {
  if (snapshot.status !== 'pending' || snapshot.pixCode === null) return snapshot
  const check = checkChargeCode(snapshot.pixCode, amountCents)
  if (!check.ok) {
    throw new GatewayError(
      'invalid_pix_code',
      `PIX code of transaction ${snapshot.externalId} refused (${check.problem}): ${check.detail}`
    )
  }
  return snapshot
}
