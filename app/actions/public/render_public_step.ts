import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import type FunnelStep from '#models/funnel_step'
import type CheckoutConfig from '#models/checkout_config'
import type TrackingPixel from '#models/tracking_pixel'
import type SplitTestVariant from '#models/split_test_variant'
import ResolveFunnelPage from '#actions/public/resolve_funnel_page'
import { pageLocale, renderStep } from '#services/step_renderer'
import { type normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { injectTracking } from '#services/tracking_snippets'
import { pageCache, type CachedPage } from '#services/page_cache'
import { variantPage } from '#services/split_assignment'

type RendererCheckout = Parameters<typeof renderStep>[0]['checkoutConfig']

interface PublicParams {
  workspace: Workspace
  funnel: Funnel
  step: FunnelStep
  /** The funnel's active steps (links to the next / accept / decline step). */
  steps: FunnelStep[]
  checkoutConfig: CheckoutConfig | null
  pixels: TrackingPixel[]
  /** The visitor's A/B variant of this step, if it is under a split test. */
  variant: SplitTestVariant | null
  /** The funnel's published version the step and configuration come from (the cache key). */
  publicationId: number
}

interface PreviewParams {
  workspace: Workspace
  funnel: Funnel
  step: FunnelStep
  /** A checkout's configuration as the renderer takes it (saved or the editor's unsaved values). */
  checkoutConfig: ReturnType<typeof normalizeCheckoutConfig> | null
}

/**
 * A funnel step as HTML, the one way a step is drawn: the public page on the workspace's host
 * (its links, tracking snippets and pixels, one cached page per version and A/B variant, with its
 * ETag) and the admin's preview of the same page (preview ribbon, inert forms, never cached).
 * Both speak the workspace's page language.
 */
export default class RenderPublicStep {
  static async handle(params: PublicParams): Promise<CachedPage> {
    const { workspace, funnel, step, steps, checkoutConfig, pixels, variant, publicationId } =
      params
    const shown = variantPage(step, checkoutConfig, variant)

    /**
     * Everything that shapes the HTML is in the key; the visitor is not. A publication never
     * changes, so its id stands for every step and checkout configuration it holds.
     */
    const key = [
      workspace.id,
      workspace.updatedAt.toMillis(),
      funnel.id,
      funnel.updatedAt.toMillis(),
      `p${publicationId}`,
      step.id,
      pixels.map((p) => `${p.id}:${p.updatedAt.toMillis()}`).join(','),
      variant ? `ab${variant.id}:${variant.version}` : '',
    ].join('|')

    const next = ResolveFunnelPage.nextStep(steps, shown.step as FunnelStep)
    const stepUrl = (id: unknown) => {
      const target = steps.find((s) => s.id === Number(id))
      return target ? `/${funnel.slug}/${target.slug}` : undefined
    }
    const content = shown.step.content as Record<string, unknown>
    return pageCache.remember(key, async () =>
      injectTracking(
        await renderStep({
          workspace,
          funnel,
          step: shown.step,
          /** The model's jsonb columns are typed loosely; the renderer normalises them. */
          checkoutConfig: shown.checkoutConfig as unknown as RendererCheckout,
          mode: 'public',
          locale: pageLocale(workspace),
          urls: {
            /** A checkout posts to its payment endpoint (start/routes/public_payments.ts). */
            formAction:
              step.stepType === 'checkout'
                ? `/_funil/checkout/${step.id}`
                : `/${funnel.slug}/${step.slug}`,
            nextStepUrl: next ? `/${funnel.slug}/${next.slug}` : undefined,
            acceptUrl:
              stepUrl(content.acceptStepId) ?? (next ? `/${funnel.slug}/${next.slug}` : undefined),
            declineUrl: stepUrl(content.declineStepId),
            /** A block page's buttons that name a step (the funnel's active steps). */
            stepUrls: Object.fromEntries(steps.map((s) => [s.id, `/${funnel.slug}/${s.slug}`])),
          },
        }),
        {
          funnelId: funnel.id,
          stepId: step.id,
          stepType: step.stepType,
          pixels,
          variant: variant ? { id: variant.id, name: variant.name } : undefined,
        }
      )
    )
  }

  /** The admin's preview: the same renderer, with the ribbon and inert forms, nothing cached. */
  static preview({ workspace, funnel, step, checkoutConfig }: PreviewParams) {
    return renderStep({
      workspace,
      funnel,
      step,
      checkoutConfig,
      mode: 'preview',
      urls: {},
      locale: pageLocale(workspace),
    })
  }
}
