/**
 * How long each plan keeps raw visitor events. The dashboard's closed days come from
 * `analytics_daily` (kept for good), so only the per-visitor timeline and the funnel cohort of
 * older periods are lost when events leave.
 */
export const PLANS = ['essencial', 'pro', 'agencia'] as const
export type Plan = (typeof PLANS)[number]

export const EVENT_RETENTION_DAYS: Record<Plan, number> = {
  essencial: 90,
  pro: 365,
  agencia: 730,
}

export function retentionDays(plan: string | null | undefined): number {
  return EVENT_RETENTION_DAYS[
    (PLANS as readonly string[]).includes(plan ?? '') ? (plan as Plan) : 'pro'
  ]
}

/** The instant before which a workspace's events may go. */
export function retentionCutoff(plan: string | null | undefined, now = new Date()): Date {
  return new Date(now.getTime() - retentionDays(plan) * 86_400_000)
}
