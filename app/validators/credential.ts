import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { CREDENTIAL_SERVICES, type CredentialService } from '#enums/funnels'
import { checkIntegrationUrl } from '#services/outbound_http'
import { DATAGET_AUTH_MODES } from '#integrations/dataget/client'

/**
 * A user-set base URL: https, no user-info, not a private/loopback/link-local/reserved address
 * nor an intranet name (unless ALLOW_PRIVATE_INTEGRATION_URLS, read at validation time). The
 * outbound agent checks resolved addresses again on every call.
 */
const integrationUrl = vine.createRule((value, _, field: FieldContext) => {
  if (typeof value !== 'string') return
  const refusal = checkIntegrationUrl(value)
  if (refusal) field.report(`Refused URL (${refusal})`, `api_url_${refusal}`, field)
})

/** A credential keeps its service: its key belongs to it. */
const sameService = vine.createRule((value, _, field: FieldContext) => {
  if (field.meta.service && value !== field.meta.service) {
    field.report('Service cannot change', 'service_unchanged', field)
  }
})

const apiUrl = () => vine.string().trim().maxLength(500).use(integrationUrl())
const testEventCode = () =>
  vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .nullable()
    .optional()

/**
 * Non-secret options per service, and whether the service needs an `apiUrl` (the CPF lookup
 * has no public base URL). Meta: pixel id; TikTok: pixel code; GA4: measurement id (its api key
 * is the Measurement Protocol `api_secret`); both ad platforms take an optional test event code.
 */
const serviceFields = () => ({
  skalepay: { apiUrl: apiUrl().nullable().optional(), settings: vine.object({}).optional() },
  utmify: { apiUrl: apiUrl().nullable().optional(), settings: vine.object({}).optional() },
  dataget: {
    apiUrl: apiUrl(),
    settings: vine.object({ authMode: vine.enum(DATAGET_AUTH_MODES).optional() }).optional(),
  },
  meta_capi: {
    apiUrl: apiUrl().nullable().optional(),
    settings: vine.object({
      pixelId: vine
        .string()
        .trim()
        .regex(/^\d{15,16}$/),
      testEventCode: testEventCode(),
    }),
  },
  tiktok_events: {
    apiUrl: apiUrl().nullable().optional(),
    settings: vine.object({
      pixelCode: vine
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{10,32}$/),
      testEventCode: testEventCode(),
    }),
  },
  ga4: {
    apiUrl: apiUrl().nullable().optional(),
    settings: vine.object({
      measurementId: vine
        .string()
        .trim()
        .toUpperCase()
        .regex(/^G-[A-Z0-9]{4,20}$/),
    }),
  },
})

const serviceGroup = () => {
  const fields = serviceFields()
  return vine.group(
    CREDENTIAL_SERVICES.map((service) =>
      vine.group.if((data) => data.service === service, fields[service])
    )
  )
}

const secret = () => vine.string().trim().minLength(6).maxLength(4096)

/** `POST /api/credentials`: the key is required, the secret optional. */
export const createCredentialValidator = vine.withMetaData<{ workspaceId: number }>().compile(
  vine
    .object({
      service: vine.enum(CREDENTIAL_SERVICES),
      name: vine.string().trim().minLength(2).maxLength(255),
      apiKey: secret(),
      apiSecret: secret().nullable().optional(),
      isActive: vine.boolean().optional(),
    })
    .merge(serviceGroup().otherwise(() => {}))
)

/**
 * `PUT /api/credentials/:id`, validated against the stored credential merged with the request
 * (see the controllers). An omitted or empty key or secret keeps the stored one;
 * `clearApiSecret: true` removes the secret.
 */
export const updateCredentialValidator = vine
  .withMetaData<{ workspaceId: number; service: CredentialService }>()
  .compile(
    vine
      .object({
        service: vine.enum(CREDENTIAL_SERVICES).use(sameService()),
        name: vine.string().trim().minLength(2).maxLength(255),
        apiKey: secret().nullable().optional(),
        apiSecret: secret().nullable().optional(),
        clearApiSecret: vine.boolean().optional(),
        isActive: vine.boolean().optional(),
      })
      .merge(serviceGroup().otherwise(() => {}))
  )

/** `GET /api/credentials?service=` */
export const credentialFilterValidator = vine.create({
  service: vine.enum(CREDENTIAL_SERVICES).optional(),
})
