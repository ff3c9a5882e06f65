import vine from '@vinejs/vine'

/**
 * Who an LGPD request is about: an e-mail, a CPF (dots and dash allowed) and/or a phone (any
 * punctuation, optional +55). At least one is required (normalizeSubject checks it: a rule per
 * field cannot say "one of three").
 */
const identifiers = {
  email: vine.string().trim().email().maxLength(255).optional(),
  cpf: vine
    .string()
    .trim()
    .regex(/^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/)
    .optional(),
  phone: vine
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{10,20}$/)
    .optional(),
}

export const lgpdSearchValidator = vine.create(identifiers)

/** The export: the same identifiers and the format (JSON by default). */
export const lgpdExportValidator = vine.create({
  ...identifiers,
  format: vine.enum(['json', 'csv'] as const).optional(),
})

/**
 * The erasure: the identifiers and an explicit confirmation (the admin types ANONIMIZAR; the
 * API sends `confirm: "ANONIMIZAR"` too), so a misdirected click or request erases nothing.
 */
export const lgpdEraseValidator = vine.create({
  ...identifiers,
  confirm: vine.string().trim().toUpperCase().in(['ANONIMIZAR']),
})
