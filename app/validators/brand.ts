import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { isValidCnpj, isValidCpf } from '@brazilian-utils/brazilian-utils'
import { appDomain, publicDomain } from '#config/app'
import { BRAND_FONTS } from '#services/workspace_brand'

const HEX = /^#[0-9a-fA-F]{6}$/

/** https only (an http image is blocked as mixed content on https pages); empty clears it. */
const imageUrl = () =>
  vine
    .string()
    .trim()
    .maxLength(2000)
    .url({ protocols: ['https'], require_protocol: true, require_valid_protocol: true })
    .optional()
    .nullable()

const color = () => vine.string().trim().regex(HEX).optional().nullable()

/**
 * An https image, or the versioned path of an image the agency uploaded (what the form sends
 * back unchanged after an upload).
 */
const agencyImageRule = vine.createRule((value, _, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (/^\/brand-assets\/\d+\/(logo|favicon)\?v=[0-9a-f]{16}$/.test(value)) return
  try {
    if (new URL(value).protocol === 'https:' && !/[\s"'<>]/.test(value)) return
  } catch {}
  field.report('Invalid image URL', 'url', field)
})
const agencyImage = () =>
  vine.string().trim().maxLength(2000).use(agencyImageRule()).optional().nullable()

/** The agency's white-label brand: product name, logo, favicon, primary colour. */
export const agencyBrandValidator = vine.create({
  productName: vine.string().trim().minLength(2).maxLength(60).optional().nullable(),
  logoUrl: agencyImage(),
  faviconUrl: agencyImage(),
  primaryColor: color(),
})

/** A name that is ours (the admin domain, a funnel host under PUBLIC_DOMAIN) is not an agency's. */
const notOurs = vine.createRule((value, _, field: FieldContext) => {
  if (typeof value !== 'string') return
  const own = [appDomain, publicDomain]
  if (own.some((domain) => value === domain || value.endsWith(`.${domain}`))) {
    field.report('This domain belongs to the platform', 'ownDomain', field)
  }
})

/**
 * The agency's own admin domain (`painel.agencia.com.br`). Taken only once verified elsewhere —
 * by another agency or as a workspace's funnel domain — like custom domains: a pending claim
 * blocks nobody.
 */
export const agencyDomainValidator = vine.withMetaData<{ agencyId: number }>().compile(
  vine.object({
    adminDomain: vine
      .string()
      .trim()
      .toLowerCase()
      .maxLength(255)
      .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/)
      .use(notOurs())
      .unique(async (db, value, field) => {
        const agency = await db
          .from('agencies')
          .whereRaw('lower(admin_domain) = ?', [value])
          .whereNotNull('admin_domain_verified_at')
          .whereNot('id', field.meta.agencyId ?? 0)
          .first()
        if (agency) return false
        const workspace = await db
          .from('workspaces')
          .whereRaw('lower(custom_domain) = ?', [value])
          .whereNotNull('custom_domain_verified_at')
          .first()
        return !workspace
      })
      .nullable()
      .optional(),
  })
)

/** The seller's document: a valid CNPJ (or a CPF for a person selling as an individual). */
export const sellerDocument = vine.createRule((value, _, field: FieldContext) => {
  if (typeof value !== 'string') return
  const digits = value.replace(/\D/g, '')
  if (!(digits.length === 14 ? isValidCnpj(digits) : digits.length === 11 && isValidCpf(digits))) {
    field.report('Invalid CNPJ', 'cnpj', field)
  }
})

/**
 * A workspace's brand on its funnel pages: logo, colours, a font from a short list, and the
 * seller's identity and legal links shown on every step (stored as `settings.consent`, which the
 * consent notice of capture and checkout forms reads too).
 */
export const workspaceBrandValidator = vine.create({
  brand: vine.object({
    logoUrl: imageUrl(),
    primaryColor: color(),
    backgroundColor: color(),
    font: vine
      .enum(BRAND_FONTS.map((font) => font.key))
      .optional()
      .nullable(),
  }),
  consent: vine
    .object({
      sellerName: vine.string().trim().maxLength(150).optional().nullable(),
      sellerDocument: vine
        .string()
        .trim()
        .maxLength(20)
        .use(sellerDocument())
        .optional()
        .nullable(),
      termsUrl: vine
        .string()
        .trim()
        .maxLength(500)
        .url({ protocols: ['https', 'http'], require_protocol: true, require_valid_protocol: true })
        .optional()
        .nullable(),
      privacyUrl: vine
        .string()
        .trim()
        .maxLength(500)
        .url({ protocols: ['https', 'http'], require_protocol: true, require_valid_protocol: true })
        .optional()
        .nullable(),
    })
    .optional(),
})
