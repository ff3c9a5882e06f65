import type { PixelType } from '#enums/funnels'
import { sanitizeSnippet } from '#actions/pixels/sanitize_snippet'

/** A pixel as the validator hands it to the actions. */
export interface PixelData {
  pixelType: PixelType
  funnelId: number
  stepId?: number | null
  pixelId: string
  eventName?: string | null
  isActive?: boolean
  settings?: { snippet?: string }
}

/** The columns a pixel gets from validated data; only custom pixels keep a (sanitised) snippet. */
export function pixelAttributes(data: PixelData) {
  return {
    pixelType: data.pixelType,
    funnelId: data.funnelId,
    stepId: data.stepId ?? null,
    pixelId: data.pixelId,
    eventName: data.eventName ?? null,
    settings:
      data.pixelType === 'custom' && data.settings?.snippet
        ? { snippet: sanitizeSnippet(data.settings.snippet) }
        : {},
  }
}
