import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import type { Infer } from '@vinejs/vine/types'
import { STEP_TYPES, type StepType } from '#enums/funnels'
import {
  BLOCK_STEP_TYPES,
  BLOCK_TYPES,
  REQUIRED_BLOCK,
  type BlockType,
  type StepPage,
} from '../types/step_page.js'
import { messagesProvider, type Locale } from '#services/i18n'
import { isSupportedVideoUrl } from '#validators/step'
import { safeLinkUrl, safeMediaUrl } from '#services/step_renderer/sanitize'

/**
 * A StepPage (app/types/step_page.ts) as the block editor saves or previews it: one schema per
 * block type (a union on `type`), every text bounded, every URL https, ids unique within the
 * page, the step type's required block present exactly once and step-only blocks (capture
 * form, checkout form, order summary, upsell offer) only on their step type. Errors name the
 * field inside the page: `sections.0.blocks.2.text`.
 */

/** Bounds of one page: enough for a long sales letter, small enough to render in milliseconds. */
export const PAGE_LIMITS = {
  sections: 30,
  blocksPerSection: 40,
  blocks: 200,
  listItems: 30,
} as const

type PageMeta = { stepType: StepType }

/** Ids the editor mints (nanoid-like): letters, digits, `_` and `-`. */
const ID = /^[\w-]{1,40}$/

/** The page a field belongs to: the root, or the root's `page` (the preview's body). */
function pageOf(field: FieldContext): unknown {
  const root = field.data as { page?: unknown } | null
  return field.getFieldPath().startsWith('page.') ? root?.page : root
}

/**
 * Every id of the page in document order (sections and blocks share one namespace, as drag
 * and drop does), and this field's position among them (from its path).
 */
function idPositions(field: FieldContext): { ids: unknown[]; mine: number } {
  const sections = (pageOf(field) as { sections?: unknown })?.sections
  const match = /sections\.(\d+)(?:\.blocks\.(\d+))?\.id$/.exec(field.getFieldPath())
  const ids: unknown[] = []
  let mine = -1
  if (!Array.isArray(sections) || !match) return { ids, mine }
  sections.forEach((section, s) => {
    if (s === Number(match[1]) && match[2] === undefined) mine = ids.length
    ids.push(typeof section?.id === 'string' ? section.id.trim() : section?.id)
    const blocks = Array.isArray(section?.blocks) ? section.blocks : []
    blocks.forEach((item: { id?: unknown } | null, b: number) => {
      if (s === Number(match[1]) && b === Number(match[2])) mine = ids.length
      ids.push(typeof item?.id === 'string' ? item.id.trim() : item?.id)
    })
  })
  return { ids, mine }
}

/** The second and later uses of an id are reported (the first one keeps it). */
const uniqueId = vine.createRule((value, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  const { ids, mine } = idPositions(field)
  if (ids.indexOf(value) !== mine) {
    field.report('The {{ field }} is already used in this page', 'page_id', field)
  }
})

/** A block that belongs to one step type (BLOCK_STEP_TYPES) anywhere else is refused. */
const allowedOnStep = vine.createRule((value, _options, field: FieldContext) => {
  const allowed = BLOCK_STEP_TYPES[value as BlockType]
  const stepType = (field.meta as PageMeta).stepType
  if (allowed && !allowed.includes(stepType)) {
    field.report('This block is not available on this step type', 'block_step_type', field)
  }
})

/** The step type's required block, exactly once (REQUIRED_BLOCK). */
const requiredBlock = vine.createRule((value, _options, field: FieldContext) => {
  if (!Array.isArray(value)) return
  const required = REQUIRED_BLOCK[(field.meta as PageMeta).stepType]
  if (!required) return
  const count = value
    .flatMap((section) => (Array.isArray(section?.blocks) ? section.blocks : []))
    .filter((block) => block?.type === required).length
  if (count !== 1) {
    field.report('The page needs the {{ block }} block exactly once', 'required_block', field, {
      block: required,
    })
  }
})

/** At most PAGE_LIMITS.blocks blocks over all sections. */
const totalBlocks = vine.createRule((value, _options, field: FieldContext) => {
  if (!Array.isArray(value)) return
  const count = value.reduce(
    (sum, section) => sum + (Array.isArray(section?.blocks) ? section.blocks.length : 0),
    0
  )
  if (count > PAGE_LIMITS.blocks) {
    field.report('The page has more than {{ max }} blocks', 'max_blocks', field, {
      max: PAGE_LIMITS.blocks,
    })
  }
})

const videoUrl = vine.createRule((value, _options, field: FieldContext) => {
  if (typeof value !== 'string' || value === '') return
  if (!isSupportedVideoUrl(value)) {
    field.report('Use a YouTube, Vimeo or https .mp4 link', 'video_url', field)
  }
})

/** https only: anything else is blocked as mixed content or is not a link a page should hold. */
const httpsUrl = vine.createRule((value, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  if (!safeMediaUrl(value)) field.report('Use an https:// link', 'https_url', field)
})

/** A button may also open the visitor's mail or phone app (a thank-you page's "fale conosco"). */
const buttonUrl = vine.createRule((value, _options, field: FieldContext) => {
  if (typeof value !== 'string') return
  const link = safeLinkUrl(value)
  if (!link || !/^(https:|mailto:|tel:)/i.test(link)) {
    field.report('Use an https://, mailto: or tel: link', 'button_url', field)
  }
})

const id = () => vine.string().trim().regex(ID).use(uniqueId())
const shortText = (max = 255) => vine.string().trim().minLength(1).maxLength(max)
const longText = () => vine.string().trim().minLength(1).maxLength(5000)
const url = () => vine.string().trim().maxLength(2048).use(httpsUrl())
const align = () => vine.enum(['left', 'center'] as const)
const items = <T extends Parameters<typeof vine.array>[0]>(schema: T) =>
  vine.array(schema).minLength(1).maxLength(PAGE_LIMITS.listItems)

/** `type` of one block: its literal, then the step-type check. */
const blockType = <T extends BlockType>(type: T) => vine.literal(type).use(allowedOnStep())

/** One schema per block type: app/types/step_page.ts, field by field. */
const BLOCK_SCHEMAS = {
  headline: vine.object({
    id: id(),
    type: blockType('headline'),
    text: shortText(),
    level: vine.enum([1, 2, 3] as const),
    align: align(),
  }),
  text: vine.object({ id: id(), type: blockType('text'), text: longText(), align: align() }),
  image: vine.object({
    id: id(),
    type: blockType('image'),
    url: url(),
    alt: vine.string().trim().maxLength(255),
  }),
  video: vine.object({
    id: id(),
    type: blockType('video'),
    /** Empty while the agency has no video yet (the preview shows a placeholder). */
    url: vine.string().trim().maxLength(2048).use(videoUrl()),
  }),
  button: vine.object({
    id: id(),
    type: blockType('button'),
    label: shortText(80),
    action: vine.enum(['next', 'url'] as const),
    stepId: vine.number().withoutDecimals().positive().nullable().optional(),
    url: vine
      .string()
      .trim()
      .maxLength(2048)
      .use(buttonUrl())
      .nullable()
      .optional()
      .requiredWhen('action', '=', 'url'),
    delaySeconds: vine.number().withoutDecimals().min(0).max(3600),
  }),
  countdown: vine.object({
    id: id(),
    type: blockType('countdown'),
    minutes: vine.number().withoutDecimals().min(1).max(240),
    label: shortText(120),
  }),
  testimonials: vine.object({
    id: id(),
    type: blockType('testimonials'),
    items: items(
      vine.object({
        name: shortText(120),
        text: shortText(1000),
        photoUrl: url().nullable().optional(),
      })
    ),
  }),
  guarantee: vine.object({
    id: id(),
    type: blockType('guarantee'),
    days: vine.number().withoutDecimals().min(0).max(365),
    text: longText(),
  }),
  faq: vine.object({
    id: id(),
    type: blockType('faq'),
    items: items(vine.object({ question: shortText(255), answer: shortText(2000) })),
  }),
  bullets: vine.object({ id: id(), type: blockType('bullets'), items: items(shortText(500)) }),
  divider: vine.object({ id: id(), type: blockType('divider') }),
  spacer: vine.object({
    id: id(),
    type: blockType('spacer'),
    size: vine.enum(['sm', 'md', 'lg'] as const),
  }),
  capture_form: vine.object({ id: id(), type: blockType('capture_form') }),
  checkout_form: vine.object({ id: id(), type: blockType('checkout_form') }),
  upsell_offer: vine.object({ id: id(), type: blockType('upsell_offer') }),
  order_summary: vine.object({ id: id(), type: blockType('order_summary') }),
} satisfies Record<BlockType, unknown>

const block = vine
  .union(
    BLOCK_TYPES.map((type) => vine.union.if((value) => value?.type === type, BLOCK_SCHEMAS[type]))
  )
  .otherwise((_value, field) => {
    field.report('Unknown block type', 'block_type', field)
  })

/** The page itself (the body of `PUT …/page`, the `page` of `POST …/preview`). */
export const stepPageSchema = vine.object({
  version: vine.literal(1),
  sections: vine
    .array(
      vine.object({
        id: id(),
        background: vine
          .string()
          .trim()
          .regex(/^#[0-9a-fA-F]{6}$/)
          .nullable(),
        blocks: vine.array(block).maxLength(PAGE_LIMITS.blocksPerSection),
      })
    )
    .minLength(1)
    .maxLength(PAGE_LIMITS.sections)
    .use(totalBlocks())
    .use(requiredBlock()),
})

export const stepPageValidator = vine.withMetaData<PageMeta>().create(stepPageSchema)

/** `POST …/steps/:stepId/preview`: an unsaved page and, optionally, unsaved content. */
export const stepPagePreviewValidator = vine.withMetaData<PageMeta>().create({
  page: stepPageSchema,
  content: vine.object({}).allowUnknownProperties().optional(),
})

export type ValidatedStepPage = Infer<typeof stepPageSchema>

/** Validates a page for a step type outside a request (actions, the migration's tests). */
export async function validateStepPage(params: {
  stepType: StepType
  page: unknown
  locale?: Locale
}): Promise<StepPage> {
  if (!STEP_TYPES.includes(params.stepType)) throw new TypeError('Unknown step type')
  const page = await stepPageValidator.validate(params.page, {
    meta: { stepType: params.stepType },
    ...(params.locale ? { messagesProvider: messagesProvider(params.locale) } : {}),
  })
  return page as StepPage
}
