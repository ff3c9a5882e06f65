import { isDeepStrictEqual } from 'node:util'
import type { StepType } from '#enums/funnels'
import { DEFAULT_LOCALE, t, type Locale } from '#services/i18n'
import type { PageBlock, StepPage } from '../types/step_page.js'

export interface PageFromContentOptions {
  /** Language of the texts the content does not hold (the upsell's badge, the VSL's default button). */
  locale?: Locale
  /**
   * The "ESPERE! OFERTA ESPECIAL" line above an upsell's headline, as the per-type page drew
   * it: kept for existing steps (same look), left out of new ones (it repeated the headline).
   */
  upsellBadge?: boolean
}

const str = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null
const int = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : 0

/** A headline's limit (app/validators/step_page.ts); longer texts become a text block. */
const HEADLINE_MAX = 255

/**
 * The block page that draws a step exactly as its per-type `content` did (issue 18 item 3):
 * the hero's headline and text, then the form or offer of its type; the VSL's video and its
 * (delayed) call to action; the thank-you message and its links. What the blocks do not hold
 * (form fields, offer, product, bumps, the checkout's countdown, guarantee and testimonials)
 * stays in the content and checkout configuration, which the form and offer blocks read, so
 * the checkout editor keeps working on migrated pages. Pure and deterministic (ids `s1`, `b1`…):
 * the migration, new steps and `isPageFromContent` all call it.
 */
export function pageFromContent(
  stepType: StepType | string,
  content: Record<string, unknown> | null | undefined,
  options: PageFromContentOptions = {}
): StepPage {
  const locale = options.locale ?? DEFAULT_LOCALE
  const data = content ?? {}
  const blocks: PageBlock[] = []
  const id = () => `b${blocks.length + 1}`
  const headline = (text: string | null, level: 1 | 2 | 3 = 1) => {
    if (!text) return
    if (text.length > HEADLINE_MAX) blocks.push({ id: id(), type: 'text', text, align: 'center' })
    else blocks.push({ id: id(), type: 'headline', text, level, align: 'center' })
  }
  const text = (value: string | null) => {
    if (value) blocks.push({ id: id(), type: 'text', text: value, align: 'center' })
  }

  switch (stepType) {
    case 'capture':
      headline(str(data.headline))
      text(str(data.text))
      blocks.push({ id: id(), type: 'capture_form' })
      break
    case 'vsl': {
      headline(str(data.headline))
      blocks.push({ id: id(), type: 'video', url: str(data.videoUrl) ?? '' })
      text(str(data.text))
      const next = int(data.nextStepId)
      blocks.push({
        id: id(),
        type: 'button',
        label: str(data.ctaLabel) ?? t(locale, 'step_page.vsl.cta'),
        action: 'next',
        stepId: next > 0 ? next : null,
        url: null,
        delaySeconds: Math.min(3600, Math.max(0, int(data.ctaDelaySeconds))),
      })
      break
    }
    case 'checkout':
      headline(str(data.headline))
      text(str(data.text))
      blocks.push({ id: id(), type: 'checkout_form' })
      break
    case 'upsell':
      if (options.upsellBadge) headline(t(locale, 'step_page.upsell.badge'), 3)
      headline(str(data.headline))
      text(str(data.text))
      blocks.push({ id: id(), type: 'upsell_offer' })
      break
    case 'thankyou': {
      headline(str(data.message) ?? t(locale, 'step_page.thankyou.default'))
      text(str(data.text))
      const links = Array.isArray(data.links) ? data.links : []
      for (const link of links as Array<Record<string, unknown> | null>) {
        const label = str(link?.label)
        const url = str(link?.url)
        if (label && url) {
          blocks.push({
            id: id(),
            type: 'button',
            label,
            action: 'url',
            stepId: null,
            url,
            delaySeconds: 0,
          })
        }
      }
      break
    }
    default:
      throw new TypeError(`Unknown step type: ${stepType}`)
  }
  return { version: 1, sections: [{ id: 's1', background: null, blocks }] }
}

/**
 * The options a stored page was produced with when it is still the one its content produces
 * (nobody arranged its blocks), else null: such a page may follow the content when the older
 * step form changes it, keeping its badge line.
 */
export function pageFromContentOptions(
  page: unknown,
  stepType: StepType | string,
  content: Record<string, unknown> | null | undefined,
  locale?: Locale
): PageFromContentOptions | null {
  for (const upsellBadge of [false, true]) {
    if (isDeepStrictEqual(page, pageFromContent(stepType, content, { locale, upsellBadge }))) {
      return { locale, upsellBadge }
    }
  }
  return null
}
