import vine, { type VineValidator } from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { STEP_TYPES, type StepType } from '#enums/funnels'
import type { StepContent } from '../types/step_content.js'
import { MAX_SLUG_LENGTH, PATH_SLUG } from '#validators/funnel'
import { videoEmbed } from '#services/step_renderer/video'
import { safeLinkUrl } from '#services/step_renderer/sanitize'
import { workspaceTable } from '#services/tenancy'

/** A step slug, unique inside its funnel (the step being edited excluded). */
const stepSlug = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(MAX_SLUG_LENGTH)
    .regex(PATH_SLUG)
    .unique(async (db, value, field) => {
      const row = await workspaceTable(field.meta.workspaceId, 'funnel_steps', db)
        .where('funnel_id', field.meta.funnelId)
        .where('slug', value)
        .whereNot('id', field.meta.stepId ?? 0)
        .first()
      return !row
    })

const stepName = () => vine.string().trim().minLength(1).maxLength(255)

/**
 * `content` is checked against its step type once the type is known (see
 * `validateStepContent`); here it only has to be an object.
 */
const stepFields = {
  slug: stepSlug().optional(),
  isActive: vine.boolean().optional(),
  settings: vine.object({}).allowUnknownProperties().optional(),
  content: vine.object({}).allowUnknownProperties().optional(),
  /** The seed's `order_index`: 0-based position; the other steps shift (clamped to the end). */
  orderIndex: vine.number().withoutDecimals().min(0).max(10_000).optional(),
}

type StepMeta = { workspaceId: number; funnelId: number; stepId?: number }

/** `POST /api/funnels/:funnel_id/steps`. */
export const createStepValidator = vine
  .withMetaData<StepMeta>()
  .create({ name: stepName(), stepType: vine.enum(STEP_TYPES), ...stepFields })

/** `PUT /api/funnels/:funnel_id/steps/:id`: any subset of the fields. */
export const updateStepValidator = vine.withMetaData<StepMeta>().create({
  name: stepName().optional(),
  stepType: vine.enum(STEP_TYPES).optional(),
  ...stepFields,
})

/**
 * `PUT /api/funnels/:funnel_id/steps/reorder`: the funnel's step ids in their new order. That
 * they are exactly the funnel's steps is checked under the funnel's lock (ReorderSteps).
 */
export const reorderStepsValidator = vine.create({
  ids: vine.array(vine.number().withoutDecimals().positive()).distinct(),
})

/** A step id a content points to must be another step of the same funnel. */
const stepOfFunnel = vine.createRule((value, _options, field: FieldContext) => {
  if (typeof value !== 'number') return
  const ids = (field.meta.stepIds ?? []) as number[]
  if (!ids.includes(value)) {
    field.report('The {{ field }} must be a step of this funnel', 'step_of_funnel', field)
  }
})

/**
 * A video the step renderer can play: YouTube or Vimeo (their embed players), or a direct
 * `.mp4` file served over https. Same parser as the renderer, so what passes here plays there.
 */
export function isSupportedVideoUrl(value: string) {
  const embed = videoEmbed(value)
  if (!embed) return false
  return embed.kind !== 'file' || value.trim().toLowerCase().startsWith('https:')
}

const videoUrl = vine.createRule((value, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!isSupportedVideoUrl(value)) {
    field.report('Use a YouTube, Vimeo or https .mp4 link', 'video_url', field)
  }
})

/** A link a visitor may follow (http(s), mailto:, tel: or a path on the funnel's site). */
const linkUrl = vine.createRule((value, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!safeLinkUrl(value)) {
    field.report('Enter a valid link', 'link_url', field)
  }
})

const title = () => vine.string().trim().minLength(1).maxLength(255)
const longText = () => vine.string().trim().maxLength(5000)
const buttonLabel = () => vine.string().trim().minLength(1).maxLength(80)
const stepRef = () => vine.number().withoutDecimals().positive().use(stepOfFunnel()).nullable()
const webUrl = () => vine.string().trim().maxLength(2048).use(linkUrl())
const imageUrl = () =>
  vine
    .string()
    .trim()
    .maxLength(2048)
    .url({ require_protocol: true, protocols: ['https'] })

/** The content schema of each step type: app/types/step_content.ts, field by field. */
const CONTENT_SCHEMAS = {
  capture: vine.object({
    headline: title(),
    text: longText().optional(),
    fields: vine
      .array(vine.enum(['name', 'email', 'phone'] as const))
      .minLength(1)
      .distinct(),
    buttonLabel: buttonLabel(),
    nextStepId: stepRef().optional(),
  }),
  vsl: vine.object({
    headline: title().optional(),
    videoUrl: vine.string().trim().maxLength(2048).use(videoUrl()),
    ctaLabel: buttonLabel(),
    ctaDelaySeconds: vine.number().withoutDecimals().min(0).max(3600),
    nextStepId: stepRef().optional(),
  }),
  checkout: vine.object({
    headline: title().optional(),
    text: longText().optional(),
  }),
  upsell: vine.object({
    headline: title(),
    text: longText().optional(),
    offer: vine.object({
      name: title(),
      description: longText().optional(),
      priceCents: vine.number().withoutDecimals().min(1).max(100_000_000),
      imageUrl: imageUrl().nullable().optional(),
    }),
    acceptLabel: buttonLabel(),
    declineLabel: buttonLabel(),
    acceptStepId: stepRef().optional(),
    declineStepId: stepRef().optional(),
  }),
  thankyou: vine.object({
    message: longText().minLength(1),
    links: vine
      .array(vine.object({ label: buttonLabel(), url: webUrl() }))
      .maxLength(10)
      .optional(),
  }),
} satisfies Record<StepType, unknown>

type ContentMeta = { stepIds: number[] }

const contentValidators = Object.fromEntries(
  STEP_TYPES.map((type) => [
    type,
    vine.withMetaData<ContentMeta>().create({ content: CONTENT_SCHEMAS[type] }),
  ])
) as Record<StepType, VineValidator<any, ContentMeta>>

/**
 * Validates a step's content for its type. Errors are reported under `content.<field>`;
 * `stepIds` are the steps the content may point to (the other steps of the same funnel).
 * Returns the content as stored: unknown keys dropped, optional lists filled in.
 */
export async function validateStepContent(params: {
  stepType: StepType
  content: unknown
  stepIds: number[]
}): Promise<StepContent> {
  const validator = contentValidators[params.stepType]
  const { content } = await validator.validate(
    { content: params.content ?? {} },
    { meta: { stepIds: params.stepIds } }
  )
  if (params.stepType === 'thankyou') {
    const thankyou = content as { message: string; links?: unknown[] }
    return { ...thankyou, links: thankyou.links ?? [] } as StepContent
  }
  return content as StepContent
}

/** The step ids a content points to (next, accept, decline). */
export const STEP_REFERENCE_KEYS = ['nextStepId', 'acceptStepId', 'declineStepId'] as const
