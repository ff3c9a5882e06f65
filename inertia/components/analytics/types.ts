export type DashboardData = {
  period: { from: string | null; to: string | null; zone: string }
  kpis: {
    visitors: number
    leads: number
    checkoutViews: number
    pixGenerated: number
    pixPaid: number
    revenueCents: number
    conversion: number
    averageTicketCents: number
    upsellTakeRate: number
  }
  series: Array<{
    day: string
    visitors: number
    leads: number
    pixPaid: number
    revenueCents: number
  }>
  steps: Array<{
    id: number
    name: string
    visitors: number
    /** null when there is nothing to divide by (shown as "—"). */
    conversion: number | null
    dropOff: number | null
  }> | null
  bySource: BreakdownRow[]
  byCampaign: BreakdownRow[]
  paymentsByStatus: Record<
    'paid' | 'pending' | 'failed' | 'refunded',
    { count: number; cents: number }
  >
}

export type BreakdownRow = {
  value: string | null
  visitors: number
  pixPaid: number
  revenueCents: number
  conversion: number
}
