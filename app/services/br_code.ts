import { createHash } from 'node:crypto'
import { createStaticPix, hasError, parsePix } from 'pix-utils'
import QRCode from 'qrcode'

/**
 * PIX BR Codes (EMV QRCPS-MPM), docs/integrations/pix_br_code.md: building the sandbox
 * gateway's copy-and-paste code, checking any code (pix-utils parses the fields, the CRC is
 * checked here as well) and drawing its QR code as an SVG.
 */

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0) as 4 upper-case hex digits. */
export function crc16(payload: string) {
  let crc = 0xffff
  for (const byte of Buffer.from(payload, 'utf8')) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

/** Whether a string is a well-formed BR Code with a matching CRC (static or dynamic). */
export function isValidBrCode(code: string) {
  if (typeof code !== 'string' || code.length < 30 || !/^000201/.test(code)) return false
  const crcAt = code.length - 4
  if (code.slice(crcAt - 4, crcAt) !== '6304') return false
  if (crc16(code.slice(0, crcAt)) !== code.slice(crcAt).toUpperCase()) return false
  return !hasError(parsePix(code))
}

/** The fields of a valid code (type, merchant, amount, txid…), or null. */
export function parseBrCode(code: string) {
  if (!isValidBrCode(code)) return null
  const parsed = parsePix(code)
  return hasError(parsed) ? null : parsed
}

/**
 * The top-level fields of an EMV code (`id → value`), or null when the id/length/value chain
 * does not add up to the whole string.
 */
export function emvFields(code: string): Map<string, string> | null {
  const fields = new Map<string, string>()
  let at = 0
  while (at < code.length) {
    const id = code.slice(at, at + 2)
    const length = code.slice(at + 2, at + 4)
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(length)) return null
    const end = at + 4 + Number(length)
    if (end > code.length) return null
    fields.set(id, code.slice(at + 4, end))
    at = end
  }
  return fields
}

/** Why a code must not be shown for a charge (see `checkChargeCode`). */
export type ChargeCodeProblem = 'format' | 'crc' | 'gui' | 'amount' | 'no_amount'

/**
 * Whether a gateway's code may be shown to the buyer of a charge of `amountCents`: well formed,
 * its CRC right, its merchant account the PIX one (GUI `br.gov.bcb.pix`, any case), and its
 * amount (field 54) the charge's to the cent. A dynamic code may leave the amount out (the
 * bank reads it at the code's location); a static code without one would let the buyer type
 * any amount, so it is refused.
 */
export function checkChargeCode(
  code: string,
  amountCents: number
): { ok: true } | { ok: false; problem: ChargeCodeProblem; detail: string } {
  const fail = (problem: ChargeCodeProblem, detail: string) => ({
    ok: false as const,
    problem,
    detail,
  })
  if (typeof code !== 'string' || !code.startsWith('000201')) {
    return fail('format', 'does not start with 000201')
  }
  const fields = emvFields(code)
  if (!fields || !fields.has('63') || !code.endsWith(`6304${fields.get('63')}`)) {
    return fail('format', 'fields do not add up, or no CRC field last')
  }
  const expected = crc16(code.slice(0, -4))
  if (expected !== code.slice(-4).toUpperCase()) {
    return fail('crc', `CRC ${code.slice(-4)}, expected ${expected}`)
  }
  const account = emvFields(fields.get('26') ?? '')
  const gui = account?.get('00')
  if (!account || gui?.toLowerCase() !== 'br.gov.bcb.pix') {
    return fail('gui', `merchant account GUI ${JSON.stringify(gui ?? null)}`)
  }
  if (hasError(parsePix(code))) return fail('format', 'not a PIX code')
  const amount = fields.get('54')
  if (amount === undefined) {
    return account.has('25') ? { ok: true } : fail('no_amount', 'static code without an amount')
  }
  if (!/^\d+(\.\d{1,2})?$/.test(amount)) return fail('format', `amount ${JSON.stringify(amount)}`)
  const [reais, fraction = ''] = amount.split('.')
  const codeCents = Number(reais) * 100 + Number(fraction.padEnd(2, '0'))
  if (codeCents !== amountCents) {
    return fail('amount', `code amount ${codeCents} cents, charge ${amountCents} cents`)
  }
  return { ok: true }
}

/** ASCII upper-case letters, digits and spaces only: merchant name and city must be plain. */
function plain(text: string, max: number, fallback: string) {
  const cleaned = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase()
    .slice(0, max)
    .trim()
  return cleaned || fallback
}

/**
 * A random-looking but stable PIX key (EVP, UUID format) per workspace: the sandbox issues codes
 * that real banking apps parse, paying into nobody's account.
 */
export function sandboxPixKey(workspaceId: number) {
  const hex = createHash('sha256').update(`funil-sandbox-${workspaceId}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** A static BR Code with amount and txid: what the sandbox gateway gives the buyer. */
export function buildStaticBrCode(input: {
  pixKey: string
  merchantName: string
  merchantCity?: string | null
  amountCents: number
  txid: string
}) {
  const pix = createStaticPix({
    merchantName: plain(input.merchantName, 25, 'FUNIL DIGITAL'),
    merchantCity: plain(input.merchantCity ?? '', 15, 'SAO PAULO'),
    pixKey: input.pixKey,
    infoAdicional: '',
    transactionAmount: input.amountCents / 100,
    txid: input.txid.replace(/[^A-Za-z0-9]/g, '').slice(0, 25) || '***',
  })
  if (hasError(pix)) throw new Error('Could not build the BR Code')
  return pix.toBRCode()
}

/** The QR code of a BR Code as an SVG document (medium error correction, quiet zone included). */
export function qrSvg(code: string) {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}
