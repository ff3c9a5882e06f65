import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import type { FieldContext } from '@vinejs/vine/types'
import { PIXEL_TYPES, type PixelType } from '#enums/funnels'
import { sanitizeSnippet, snippetHasContent } from '#actions/pixels/sanitize_snippet'
import { workspaceTable } from '#services/tenancy'

/**
 * The id format of each pixel type: Meta numeric (15–16 digits); Google a GA4 measurement id
 * (`G-XXXXXXX`) or a Google Ads tag (`AW-123456789`, optionally with its `/label`); TikTok an
 * alphanumeric pixel code; custom a free label.
 */
export const PIXEL_ID_FORMATS: Record<Exclude<PixelType, 'custom'>, RegExp> = {
  facebook: /^\d{15,16}$/,
  google: /^(G-[A-Z0-9]{4,20}|AW-\d{6,15}(\/[A-Za-z0-9_-]{1,64})?)$/,
  tiktok: /^[A-Z0-9]{10,32}$/,
}

/** Checks the pixel id against its type's format; Google and TikTok ids are upper-cased first. */
const pixelIdFormat = vine.createRule((value, _, field: FieldContext) => {
  if (typeof value !== 'string') return
  const type = field.parent?.pixelType as PixelType | undefined
  if (!type || type === 'custom' || !(type in PIXEL_ID_FORMATS)) return
  const normalized = type === 'facebook' ? value : value.toUpperCase()
  if (!PIXEL_ID_FORMATS[type].test(normalized)) {
    field.report(`Invalid ${type} pixel id`, `pixel_id_${type}`, field)
    return
  }
  field.mutate(normalized, field)
})

/** The funnel must belong to the request's workspace (meta `workspaceId`). */
const funnelOfWorkspace = vine.createRule(
  async (value, _, field: FieldContext) => {
    if (!field.isValid) return
    const row = await workspaceTable(field.meta.workspaceId, 'funnels', db)
      .where('id', value as number)
      .select('id')
      .first()
    if (!row) field.report('Funnel not found', 'pixel_funnel_of_workspace', field)
  },
  { isAsync: true }
)

/** The step must belong to the chosen funnel (and so to the workspace). */
const stepOfFunnel = vine.createRule(
  async (value, _, field: FieldContext) => {
    if (!field.isValid || value === null || value === undefined) return
    const funnelId = Number(field.parent?.funnelId)
    const row = Number.isInteger(funnelId)
      ? await workspaceTable(field.meta.workspaceId, 'funnel_steps', db)
          .where('funnel_id', funnelId)
          .where('id', value as number)
          .select('id')
          .first()
      : null
    if (!row) field.report('Step not in funnel', 'pixel_step_of_funnel', field)
  },
  { isAsync: true }
)

/**
 * A custom snippet must keep something once sanitised (a script with an https src, an image).
 * Rules run before transforms, hence the sanitising here too.
 */
const usefulSnippet = vine.createRule((value, _, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!snippetHasContent(sanitizeSnippet(value))) {
    field.report('Nothing allowed in snippet', 'snippet_empty', field)
  }
})

/** Standard names (`Lead`, `Purchase`, `generate_lead`, `CompletePayment`) or custom ones. */
const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/

/**
 * One schema for create and update: an update validates the stored pixel merged with the
 * request (see the controllers), so every combination rule sees the whole pixel. The snippet
 * is sanitised here, so errors point at the field, and again by the actions on save.
 */
const pixelSchema = vine
  .object({
    pixelType: vine.enum(PIXEL_TYPES),
    funnelId: vine.number().withoutDecimals().positive().use(funnelOfWorkspace()),
    stepId: vine.number().withoutDecimals().positive().use(stepOfFunnel()).nullable().optional(),
    pixelId: vine.string().trim().minLength(1).maxLength(255).use(pixelIdFormat()),
    eventName: vine.string().trim().regex(EVENT_NAME).nullable().optional(),
    isActive: vine.boolean().optional(),
  })
  .merge(
    vine.group([
      vine.group.if((data) => data.pixelType === 'custom', {
        settings: vine.object({
          snippet: vine
            .string()
            .maxLength(20_000)
            .use(usefulSnippet())
            .transform((value) => sanitizeSnippet(value)),
        }),
      }),
      /** Other types have no options today: whatever comes is dropped. */
      vine.group.else({
        settings: vine.object({}).optional(),
      }),
    ])
  )

export const pixelValidator = vine.withMetaData<{ workspaceId: number }>().compile(pixelSchema)

/** `GET /api/tracking/pixels?funnel_id=` */
export const pixelFilterValidator = vine.create({
  funnel_id: vine.number().withoutDecimals().positive().optional(),
})
