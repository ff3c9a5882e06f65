import edge from 'edge.js'
import { consentNotice } from '#services/buyer_journey'
import { DEFAULT_LOCALE, isLocale, t, type Locale } from '#services/i18n'
import { formatBRL, sumCents } from '#services/money'
import type { StepType } from '#enums/funnels'
import {
  normalizeCheckoutConfig,
  DEFAULT_PRIMARY_COLOR,
  DEFAULT_BACKGROUND_COLOR,
  type CheckoutConfigData,
} from '#services/step_renderer/checkout_data'
import {
  contrastColor,
  safeColor,
  safeLinkUrl,
  safeMediaUrl,
} from '#services/step_renderer/sanitize'
import { videoEmbed } from '#services/step_renderer/video'
import { workspaceBrand } from '#services/workspace_brand'
import { BLOCK_STEP_TYPES, type StepPage } from '../types/step_page.js'
import { initials, pageView } from '#services/step_renderer/page_view'

export type { CheckoutConfigData } from '#services/step_renderer/checkout_data'
export { videoEmbed } from '#services/step_renderer/video'

/** The fields of the records the renderer reads (models fit, and so do plain objects in tests). */
export interface RenderableWorkspace {
  name: string
  slug: string
  settings?: Record<string, unknown> | null
}
export interface RenderableFunnel {
  id: number
  name: string
  slug: string
  settings?: Record<string, unknown> | null
}
export interface RenderableStep {
  id: number
  name: string
  slug: string
  stepType: StepType | string
  content: Record<string, unknown> | null
  settings?: Record<string, unknown> | null
  version?: number
  /** The block editor's page; when present the step is drawn from it (else from `content`). */
  page?: StepPage | null
}

export interface RenderStepOptions {
  workspace: RenderableWorkspace
  funnel: RenderableFunnel
  step: RenderableStep
  /** A checkout step's configuration (saved or being edited); defaults apply when absent. */
  checkoutConfig?: Partial<CheckoutConfigData> | null
  /** `preview`: ribbon, forms and step links inert, never indexed. `public`: the live page. */
  mode: 'preview' | 'public'
  /** Where forms post and links lead; the public server fills them, the preview leaves them out. */
  urls: {
    formAction?: string
    nextStepUrl?: string
    acceptUrl?: string
    declineUrl?: string
    /** The funnel's steps by id, for a page's buttons that name a step (else they lead next). */
    stepUrls?: Record<number, string>
  }
  locale: Locale
}

/**
 * Response headers for a rendered preview: the admin may frame it, and the document runs in a
 * sandbox (an opaque origin), so nothing in a step page can reach the admin's session even
 * though it is served from the admin's host. Forms are inert there as well.
 */
export const PREVIEW_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'X-Frame-Options': 'SAMEORIGIN',
  'Content-Security-Policy':
    "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox; frame-ancestors 'self'",
  'Cache-Control': 'private, no-cache',
  'X-Robots-Tag': 'noindex',
}

/**
 * The language of a workspace's funnel pages: `settings.locale` when set, else pt-BR. The
 * preview uses it too, so the agency sees what its visitors will see.
 */
export function pageLocale(workspace: { settings?: Record<string, unknown> | null }): Locale {
  const wanted = workspace.settings?.locale
  return isLocale(wanted) ? wanted : DEFAULT_LOCALE
}

type Field = 'name' | 'email' | 'phone' | 'cpf'

/** Input attributes per field: the right keyboard on phones and the browser's autofill. */
const FIELD_INPUTS: Record<Field, Record<string, string>> = {
  name: { type: 'text', autocomplete: 'name', autocapitalize: 'words', maxlength: '255' },
  email: { type: 'email', inputmode: 'email', autocomplete: 'email', maxlength: '255' },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel-national', maxlength: '15' },
  cpf: {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: '14',
    pattern: '\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}',
  },
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null)
const int = (value: unknown, fallback = 0) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback

/**
 * Renders one funnel step as a complete, self-contained HTML document (Edge templates under
 * resources/views/steps): inline CSS, a little inline JavaScript, every piece of user content
 * escaped. The admin preview and the public funnel pages both come from here. The output
 * depends only on the step, its configuration and the mode — never on the visitor — so the
 * public server can cache it per step version.
 */
export async function renderStep(options: RenderStepOptions): Promise<string> {
  const { locale, mode, step } = options
  const translate = (key: string, params: Record<string, string | number> = {}) =>
    t(locale, key, params)
  const type = step.stepType as StepType
  const content = step.content ?? {}

  /**
   * The workspace's brand is every step's default (logo, colours, font, seller footer); a
   * colour chosen on the funnel or the step wins over it. A checkout colour still equal to the
   * built-in default counts as not chosen, so the brand reaches checkouts saved before it.
   */
  const brand = workspaceBrand(options.workspace)
  const primaryFallback = safeColor(
    options.funnel.settings?.primaryColor,
    brand.primaryColor ?? DEFAULT_PRIMARY_COLOR
  )
  let primary = safeColor(step.settings?.primaryColor, primaryFallback)
  let background = safeColor(step.settings?.backgroundColor, brand.backgroundColor ?? '#f8fafc')

  const state: Record<string, unknown> = {
    t: translate,
    lang: locale,
    type,
    preview: mode === 'preview',
    workspaceName: options.workspace.name,
    stepKey: `${options.funnel.id}-${step.id}`,
    headline: str(content.headline),
    text: str(content.text),
    /** LGPD notice of capture and checkout forms (null when the workspace set no links). */
    consent: consentNotice(options.workspace),
  }

  switch (type) {
    case 'capture': {
      const wanted = Array.isArray(content.fields) ? content.fields : []
      state.capture = {
        fields: (['name', 'email', 'phone'] as const)
          .filter((field) => wanted.includes(field))
          .sort((a, b) => wanted.indexOf(a) - wanted.indexOf(b))
          .map((field) => fieldView(field, translate)),
        buttonLabel: str(content.buttonLabel) ?? translate('step_page.capture.submit'),
        action: options.urls.formAction ?? null,
      }
      state.title = state.headline ?? step.name
      break
    }
    case 'vsl': {
      state.vsl = {
        video: videoEmbed(content.videoUrl),
        ctaLabel: str(content.ctaLabel) ?? translate('step_page.vsl.cta'),
        ctaDelaySeconds: Math.max(0, int(content.ctaDelaySeconds)),
        nextUrl: safeLinkUrl(options.urls.nextStepUrl),
      }
      state.title = state.headline ?? step.name
      break
    }
    case 'checkout': {
      const config = normalizeCheckoutConfig(step, options.checkoutConfig ?? null)
      const design = config.designConfig
      if (design.primaryColor?.toLowerCase() !== DEFAULT_PRIMARY_COLOR || !brand.primaryColor) {
        primary = safeColor(design.primaryColor, primary)
      }
      background =
        design.backgroundColor?.toLowerCase() === DEFAULT_BACKGROUND_COLOR && brand.backgroundColor
          ? brand.backgroundColor
          : safeColor(design.backgroundColor, DEFAULT_BACKGROUND_COLOR)
      const bumps = config.orderBumps.map((bump, index) => ({
        index,
        name: bump.name,
        description: str(bump.description),
        imageUrl: safeMediaUrl(bump.imageUrl),
        priceCents: bump.priceCents,
        price: formatBRL(bump.priceCents),
      }))
      state.checkout = {
        productName: config.productName,
        priceCents: config.productPriceCents,
        price: formatBRL(config.productPriceCents),
        /** Nothing is ticked when the page loads: the total starts at the product's price. */
        total: formatBRL(sumCents([config.productPriceCents])),
        logoUrl: safeMediaUrl(config.designConfig.logoUrl) ?? brand.logoUrl,
        countdownMinutes: Math.min(240, Math.max(0, config.designConfig.countdownMinutes)),
        fields: (['name', 'email', 'phone', 'cpf'] as const)
          .filter((field) => config.fieldsConfig[field])
          .map((field) => fieldView(field, translate)),
        bumps,
        guaranteeText: str(config.designConfig.guaranteeText),
        testimonials: config.designConfig.testimonials
          .filter((item) => str(item.text))
          .map((item) => ({
            name: item.name,
            text: item.text,
            photoUrl: safeMediaUrl(item.photoUrl),
            initials: initials(item.name),
          })),
        action: options.urls.formAction ?? null,
        /** The product's name is the page's h1 unless a headline already is. */
        titled: Boolean(state.headline),
      }
      state.title = config.productName
      break
    }
    case 'upsell': {
      const offer = (content.offer ?? {}) as Record<string, unknown>
      state.upsell = {
        /** The public page's one-click accept posts to `/_funil/upsell/{stepId}/accept`. */
        stepId: step.id,
        name: str(offer.name) ?? '',
        description: str(offer.description),
        imageUrl: safeMediaUrl(offer.imageUrl),
        price: formatBRL(Math.max(0, int(offer.priceCents))),
        acceptLabel: str(content.acceptLabel) ?? translate('step_page.upsell.accept'),
        declineLabel: str(content.declineLabel) ?? translate('step_page.upsell.decline'),
        acceptUrl: safeLinkUrl(options.urls.acceptUrl),
        declineUrl: safeLinkUrl(options.urls.declineUrl),
      }
      state.title = state.headline ?? step.name
      break
    }
    case 'thankyou': {
      const links = Array.isArray(content.links) ? content.links : []
      state.thankyou = {
        message: str(content.message) ?? translate('step_page.thankyou.default'),
        links: links
          .map((link: Record<string, unknown>) => ({
            label: str(link?.label),
            url: safeLinkUrl(link?.url),
          }))
          .filter((link) => link.label && link.url),
      }
      state.title = step.name
      break
    }
    default:
      throw new TypeError(`Unknown step type: ${step.stepType}`)
  }

  /**
   * A step with a block page is drawn from it (steps/partials/page_blocks); the form and offer
   * blocks use the views built above from the content and checkout configuration.
   */
  const page = pageView(step.page, {
    preview: mode === 'preview',
    translate,
    nextStepUrl: options.urls.nextStepUrl,
    stepUrls: options.urls.stepUrls,
    stepType: type,
    allowed: (block) => BLOCK_STEP_TYPES[block]?.includes(type) ?? true,
  })
  state.page = page ? { ...page, width: type === 'vsl' ? 'wide' : 'narrow' } : null
  if (page && ['capture', 'vsl', 'upsell'].includes(type)) state.title = page.title ?? step.name
  if (page && type === 'checkout') {
    ;(state.checkout as Record<string, unknown>).titled = page.sections.some((section) =>
      section.blocks.some((block) => block.type === 'headline' && block.level === 1)
    )
  }

  state.theme = { primary, onPrimary: contrastColor(primary), background, font: brand.fontStack }
  state.brand = {
    /** The checkout draws its own logo (its header also says "secure payment"). */
    logoUrl: type === 'checkout' ? null : brand.logoUrl,
    seller: [brand.sellerName, sellerDocumentLabel(brand.sellerDocument)]
      .filter(Boolean)
      .join(' · '),
    termsUrl: safeLinkUrl(brand.termsUrl),
    privacyUrl: safeLinkUrl(brand.privacyUrl),
  }
  return edge.render('steps/page', state)
}

/** "CNPJ 12.345.678/0001-95" (or "CPF …" for a person selling as an individual). */
function sellerDocumentLabel(document: string | null) {
  if (!document) return null
  return `${document.replace(/\D/g, '').length === 11 ? 'CPF' : 'CNPJ'} ${document}`
}

function fieldView(field: Field, translate: (key: string) => string) {
  return {
    name: field,
    id: `field-${field}`,
    label: translate(`step_page.field.${field}`),
    placeholder: translate(`step_page.placeholder.${field}`),
    attributes: FIELD_INPUTS[field],
  }
}
