import type { JsonObject } from '~/types'
export type DeviceKind = 'mobile' | 'tablet' | 'desktop' | 'bot' | 'unknown'

/** A visitor row as the admin controller sends it (VisitorTransformer plus names and device). */
export type VisitorRow = {
  id: string
  funnelId: number | null
  currentStepId: number | null
  isOnline: boolean
  firstVisit: string | null
  lastActivity: string | null
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

export type VisitorEventRow = {
  id: string
  type: string
  funnelId: number | null
  stepId: number | null
  stepName: string | null
  data: JsonObject
  createdAt: string | null
}

export type FunnelOption = {
  id: number
  name: string
  steps: Array<{ id: number; name: string }>
}
