export type DeviceKind = 'mobile' | 'tablet' | 'desktop' | 'bot' | 'unknown'

/** A visitor row as the admin controller sends it (VisitorTransformer plus names and device). */
export interface VisitorRow {
  id: string
  funnelId: number | null
  currentStepId: number | null
  isOnline: boolean
  firstVisit: string
  lastActivity: string
  userAgent: string | null
  attribution: { utmSource: string | null; utmCampaign: string | null; src: string | null }
  landingUrl: string | null
  referrer: string | null
  lead: Record<string, string>
  funnelName: string | null
  stepName: string | null
  stepEnteredAt: string | null
  device: { kind: DeviceKind; os: string | null }
}

export interface VisitorEventRow {
  id: string
  type: string
  funnelId: number | null
  stepId: number | null
  stepName: string | null
  data: Record<string, unknown>
  createdAt: string
}

export interface FunnelOption {
  id: number
  name: string
  steps: Array<{ id: number; name: string }>
}
