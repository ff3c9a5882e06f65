import type { BlockType, PageBlock, StepPage } from '../../types/step_page.js'
import { safeColor, safeLinkUrl, safeMediaUrl } from '#services/step_renderer/sanitize'
import { videoEmbed } from '#services/step_renderer/video'

/**
 * A StepPage turned into what the Edge partials print (resources/views/steps/blocks/*): every
 * URL and colour through the sanitize guards (a stored page is validated, but the renderer
 * never trusts its input), texts left as they are (Edge escapes them), blocks that cannot be
 * shown dropped (an image without an https URL; a missing video outside the preview).
 */

export interface PageViewContext {
  preview: boolean
  translate: (key: string, params?: Record<string, string | number>) => string
  /** The funnel's next step, for `button` blocks with `action: 'next'`. */
  nextStepUrl?: string
  /** Other steps of the funnel by id, for buttons that name one. */
  stepUrls?: Record<number, string>
  stepType: string
  /** The step type: blocks of another step type (BLOCK_STEP_TYPES) are not drawn. */
  allowed: (type: BlockType) => boolean
}

type BlockView = Record<string, unknown> & { partial: string; id: string; type: BlockType }

export interface PageView {
  sections: Array<{ id: string; background: string | null; blocks: BlockView[] }>
  /** Which optional styles the page needs (block_styles.edge prints only those). */
  uses: Partial<Record<BlockType, true>>
  /** The text of the first level-1 headline (the document's title). */
  title: string | null
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')
const int = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, Math.trunc(value)))
    : min

/** "Ana Souza" → "AS": the avatar of a testimonial without a photo. */
export function initials(name: string) {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')
}

function blockView(block: PageBlock, context: PageViewContext): BlockView | null {
  const base = { id: str(block.id), type: block.type, partial: `steps/blocks/${block.type}` }
  switch (block.type) {
    case 'headline':
      return {
        ...base,
        text: str(block.text),
        level: [1, 2, 3].includes(block.level) ? block.level : 2,
        center: block.align === 'center',
      }
    case 'text':
      return { ...base, text: str(block.text), center: block.align === 'center' }
    case 'image': {
      const url = safeMediaUrl(block.url)
      return url ? { ...base, url, alt: str(block.alt) } : null
    }
    case 'video': {
      const video = videoEmbed(block.url)
      return video || context.preview ? { ...base, video } : null
    }
    case 'button': {
      const external = block.action === 'url'
      const href = external
        ? safeLinkUrl(block.url)
        : safeLinkUrl(
            (block.stepId ? context.stepUrls?.[block.stepId] : undefined) ?? context.nextStepUrl
          )
      return {
        ...base,
        label: str(block.label),
        href,
        external,
        stepLink: !external,
        /** The thank-you page draws its links out as outline buttons, as it always did. */
        outline: external && context.stepType === 'thankyou',
        delay: int(block.delaySeconds, 0, 3600),
      }
    }
    case 'countdown':
      return { ...base, minutes: int(block.minutes, 1, 240), label: str(block.label) }
    case 'testimonials':
      return {
        ...base,
        items: (Array.isArray(block.items) ? block.items : [])
          .filter((item) => str(item?.text))
          .map((item) => ({
            name: str(item.name),
            text: str(item.text),
            photoUrl: safeMediaUrl(item.photoUrl),
            initials: initials(str(item.name)),
          })),
      }
    case 'guarantee': {
      const days = int(block.days, 0, 365)
      return {
        ...base,
        text: str(block.text),
        title:
          days > 0
            ? context.translate('step_pages.guarantee_days', { days })
            : context.translate('step_page.checkout.guarantee'),
      }
    }
    case 'faq':
      return {
        ...base,
        items: (Array.isArray(block.items) ? block.items : []).map((item) => ({
          question: str(item?.question),
          answer: str(item?.answer),
        })),
      }
    case 'bullets':
      return { ...base, items: (Array.isArray(block.items) ? block.items : []).map(str) }
    case 'spacer':
      return { ...base, size: ['sm', 'md', 'lg'].includes(block.size) ? block.size : 'md' }
    case 'divider':
    case 'capture_form':
    case 'checkout_form':
    case 'upsell_offer':
    case 'order_summary':
      return base
    default:
      return null
  }
}

/** The page as the templates read it; null when the stored value is not a page at all. */
export function pageView(page: StepPage | null | undefined, context: PageViewContext) {
  if (!page || !Array.isArray(page.sections)) return null
  const uses: PageView['uses'] = {}
  let title: string | null = null
  const sections = page.sections.map((section) => ({
    id: str(section?.id),
    background: section?.background ? safeColor(section.background, '') || null : null,
    blocks: (Array.isArray(section?.blocks) ? section.blocks : [])
      .filter((block) => block && context.allowed(block.type))
      .map((block) => blockView(block, context))
      .filter((view): view is BlockView => view !== null)
      .map((view) => {
        uses[view.type] = true
        if (title === null && view.type === 'headline' && view.level === 1) {
          title = view.text as string
        }
        return view
      }),
  }))
  return { sections, uses, title } satisfies PageView
}
