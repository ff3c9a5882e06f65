import vine from '@vinejs/vine'
import { funnelName, funnelSlug } from '#validators/funnel'

/** A built-in template's key (`lancamento-vsl`) or an agency template's id. */
const TEMPLATE_REF = /^(?:[a-z][a-z0-9-]{0,59}|[1-9]\d{0,9})$/

/**
 * `POST /w/:workspaceSlug/funnels/from-template`: which template, and optionally the new
 * funnel's name (the template's by default) and slug (derived from the name by default).
 */
export const applyTemplateValidator = vine.withMetaData<{ workspaceId: number }>().create({
  template: vine.string().trim().regex(TEMPLATE_REF),
  name: funnelName().optional(),
  slug: funnelSlug().optional(),
})

/** `POST /w/:workspaceSlug/funnels/:id/save-as-template`. */
export const saveTemplateValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255),
  description: vine.string().trim().maxLength(2000).nullable().optional(),
})
