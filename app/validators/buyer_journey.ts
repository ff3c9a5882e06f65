import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { isValidCnpj, isValidCpf } from '@brazilian-utils/brazilian-utils'

/** The seller's document shown beside the terms: a valid CNPJ (or a CPF for a person). */
const sellerDocument = vine.createRule((value, _, field: FieldContext) => {
  if (typeof value !== 'string') return
  const digits = value.replace(/\D/g, '')
  if (!(digits.length === 14 ? isValidCnpj(digits) : digits.length === 11 && isValidCpf(digits))) {
    field.report('Invalid CNPJ', 'cnpj', field)
  }
})

const optionalText = (max: number) => vine.string().trim().maxLength(max).optional().nullable()
const texts = () =>
  vine.object({ subject: optionalText(200), intro: optionalText(2000) }).optional()
const publicUrl = () =>
  vine
    .string()
    .trim()
    .maxLength(500)
    .url({ protocols: ['https', 'http'], require_protocol: true })
    .optional()
    .nullable()

/**
 * The buyer's journey settings of a workspace (Configurações): the buyer e-mails (sender name,
 * reply-to, colour, logo, subject/intro per e-mail), the consent shown on capture and checkout (terms
 * and privacy links, seller name and CNPJ) and the abandonment delay of checkout sessions.
 */
export const buyerJourneyValidator = vine.create({
  buyerEmails: vine
    .object({
      enabled: vine.boolean().optional(),
      senderName: optionalText(100),
      replyTo: vine.string().trim().maxLength(255).email().optional().nullable(),
      brandColor: vine
        .string()
        .trim()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional()
        .nullable(),
      /** https only: webmail blocks `http:` images as mixed content; empty clears it. */
      logoUrl: vine
        .string()
        .trim()
        .maxLength(2000)
        .url({ protocols: ['https'], require_protocol: true, require_valid_protocol: true })
        .optional()
        .nullable(),
      texts: vine
        .object({ pix_generated: texts(), payment_approved: texts(), pix_expired: texts() })
        .optional(),
    })
    .optional(),
  consent: vine
    .object({
      termsUrl: publicUrl(),
      privacyUrl: publicUrl(),
      sellerName: optionalText(150),
      sellerDocument: vine
        .string()
        .trim()
        .maxLength(20)
        .use(sellerDocument())
        .optional()
        .nullable(),
    })
    .optional(),
  recovery: vine
    .object({
      abandonAfterMinutes: vine.number().withoutDecimals().range([5, 1440]).optional(),
      emailEnabled: vine.boolean().optional(),
    })
    .optional(),
})
