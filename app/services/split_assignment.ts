import type { HttpContext } from '@adonisjs/core/http'
import SplitTest from '#models/split_test'
import type SplitTestVariant from '#models/split_test_variant'
import type FunnelStep from '#models/funnel_step'
import { TtlCache } from '#services/ttl_cache'
import { variantForVisitor } from '#services/split_stats'
import { VISITOR_COOKIE, visitorSessionId } from '#services/visitor_session'

export interface RunningSplitTest {
  test: SplitTest
  /** The active variants, control first. */
  variants: SplitTestVariant[]
}

/**
 * The running test of each step, per process for 2 s (as the resolved pages): a public page
 * view costs no query for it during a spike, and a new test or weight shows within seconds.
 */
const running = new TtlCache<RunningSplitTest | null>(2_000)

/** The cookie that keeps a visitor's variant of one test (first assignment wins). */
export function splitCookieName(testId: number) {
  return `fd_ab_${testId}`
}

/** Drops a step's cached test in this process (after a change made here). */
export function forgetRunningSplitTest(workspaceId: number, stepId: number) {
  running.forget(`${workspaceId}/${stepId}`)
}

/** The running split test of a step with its active variants, or null. */
export function runningSplitTest(workspaceId: number, stepId: number) {
  return running.remember(`${workspaceId}/${stepId}`, async () => {
    const test = await SplitTest.forWorkspace(workspaceId)
      .where('step_id', stepId)
      .where('status', 'running')
      .preload('variants', (q) =>
        q.where('status', 'active').orderBy('is_control', 'desc').orderBy('id')
      )
      .first()
    if (!test || test.variants.length === 0) return null
    return { test, variants: test.variants }
  })
}

/**
 * The variant a visitor sees, decided at the edge in the page request: the variant its cookie
 * names while that variant is still active (a visitor keeps its first assignment even when the
 * weights change later), otherwise the deterministic hash of the visitor id (`fd_sid`, made
 * now when the browser has none) over the weights. The choice goes into the cookie, so the
 * next visit and the checkout post read it without any lookup.
 */
export function assignVariant(ctx: HttpContext, split: RunningSplitTest) {
  const fromCookie = Number(
    ctx.request.plainCookie(splitCookieName(split.test.id), { encoded: false })
  )
  const kept = split.variants.find((variant) => variant.id === fromCookie)
  if (kept) return kept
  const chosen =
    variantForVisitor(split.variants, split.test.id, visitorSessionId(ctx)) ?? split.variants[0]
  ctx.response.plainCookie(splitCookieName(split.test.id), String(chosen.id), {
    encode: false,
    maxAge: '90d',
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
  })
  return chosen
}

/**
 * The variant a request's cookie names for a step under test (the checkout post, which follows
 * the page view that assigned it), without assigning: null when the step runs no test.
 */
export async function requestVariant(ctx: HttpContext, workspaceId: number, stepId: number) {
  const split = await runningSplitTest(workspaceId, stepId)
  if (!split) return null
  const fromCookie = Number(
    ctx.request.plainCookie(splitCookieName(split.test.id), { encoded: false })
  )
  const kept = split.variants.find((variant) => variant.id === fromCookie)
  if (kept) return kept
  const sid = ctx.request.plainCookie(VISITOR_COOKIE, { encoded: false })
  return typeof sid === 'string'
    ? (variantForVisitor(split.variants, split.test.id, sid) ?? null)
    : null
}

type ShownStep = Pick<
  FunnelStep,
  'id' | 'name' | 'slug' | 'stepType' | 'settings' | 'version' | 'content'
>

/**
 * What a page shows for a variant: the step with the variant's own content and, on a checkout,
 * the variant's own checkout configuration; the control (or no test) shows the step as it is.
 * A plain copy: the cached step model is never written to.
 */
export function variantPage<C>(
  step: FunnelStep,
  checkoutConfig: C,
  variant: SplitTestVariant | null
): { step: ShownStep; checkoutConfig: C | Record<string, unknown> } {
  if (!variant || variant.isControl) return { step, checkoutConfig }
  return {
    step: {
      id: step.id,
      name: step.name,
      slug: step.slug,
      stepType: step.stepType,
      settings: step.settings,
      version: step.version,
      content: variant.content ?? step.content,
    },
    checkoutConfig: variant.checkoutConfig ?? checkoutConfig,
  }
}

/**
 * The checkout configuration a checkout post prices with: the variant's own one when the buyer
 * saw a challenger, the step's otherwise (the same one the page showed it).
 */
export function variantCheckoutConfig<C>(config: C, variant: SplitTestVariant | null): C {
  if (!variant || variant.isControl || !variant.checkoutConfig) return config
  return variant.checkoutConfig as unknown as C
}
