import { BaseTransformer } from '@adonisjs/core/transformers'
import type TrackingPixel from '#models/tracking_pixel'

/** What pages and the API see of a tracking pixel (funnel and step preloaded when wanted). */
export default class PixelTransformer extends BaseTransformer<TrackingPixel> {
  toObject() {
    const pixel = this.resource
    return {
      id: pixel.id,
      pixelType: pixel.pixelType,
      pixelId: pixel.pixelId,
      eventName: pixel.eventName,
      isActive: pixel.isActive,
      funnelId: pixel.funnelId,
      funnel: pixel.funnel ? { id: pixel.funnel.id, name: pixel.funnel.name } : null,
      /** null: the pixel loads on every step of the funnel. */
      stepId: pixel.stepId,
      step: pixel.step ? { id: pixel.step.id, name: pixel.step.name } : null,
      settings:
        pixel.pixelType === 'custom' ? { snippet: String(pixel.settings?.snippet ?? '') } : {},
      createdAt: pixel.createdAt.toISO(),
      updatedAt: pixel.updatedAt?.toISO() ?? null,
    }
  }

  /**
   * Validator input of an update: the stored pixel with the request over it (settings merged
   * one level deep), so a client sends only what changes and every rule sees the whole pixel.
   */
  static withChanges(pixel: TrackingPixel, changes: Record<string, any>) {
    const stored = this.#input(pixel)
    const settings = isObject(changes.settings)
      ? { ...stored.settings, ...changes.settings }
      : stored.settings
    return { ...stored, ...changes, settings }
  }

  static #input(pixel: TrackingPixel) {
    return {
      pixelType: pixel.pixelType,
      funnelId: pixel.funnelId,
      stepId: pixel.stepId,
      pixelId: pixel.pixelId,
      eventName: pixel.eventName,
      isActive: pixel.isActive,
      settings: (pixel.settings ?? {}) as Record<string, unknown>,
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
