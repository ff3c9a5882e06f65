import { createHash } from 'node:crypto'
import { createStaticPix, hasError, parsePix } from 'pix-utils'
import QRCode from 'qrcode'

/**
 * PIX BR Codes (EMV QRCPS-MPM), /work/shared/contracts/pix_brcode.md: building the sandbox
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
