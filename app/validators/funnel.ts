import vine from '@vinejs/vine'
import { workspaceTable } from '#services/tenancy'

/**
 * A path segment of a public URL (`/{funnel.slug}/{step.slug}`): lowercase letters, digits and
 * inner hyphens.
 */
export const PATH_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The longest slug a user may choose (generated copies may add a short suffix). */
export const MAX_SLUG_LENGTH = 100

/** First path segments a funnel may not take on a workspace host (platform paths). */
export const RESERVED_FUNNEL_SLUGS = ['api', 'assets', 'static', 'health', 'favicon-ico']

/** "Lançamento Black Friday!" → "lancamento-black-friday": lowercase, accents removed. */
export function slugify(value: string, maxLength = MAX_SLUG_LENGTH) {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '')
}

/** A funnel slug, unique inside the workspace (the funnel being edited excluded). */
export const funnelSlug = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(MAX_SLUG_LENGTH)
    .regex(PATH_SLUG)
    .notIn(RESERVED_FUNNEL_SLUGS)
    .unique(async (db, value, field) => {
      const row = await workspaceTable(field.meta.workspaceId, 'funnels', db)
        .where('slug', value)
        .whereNot('id', field.meta.funnelId ?? 0)
        .first()
      return !row
    })

const funnelFields = {
  slug: funnelSlug().optional(),
  description: vine.string().trim().maxLength(2000).nullable().optional(),
  niche: vine.string().trim().maxLength(100).nullable().optional(),
  isActive: vine.boolean().optional(),
  settings: vine.object({}).allowUnknownProperties().optional(),
}

export const funnelName = () => vine.string().trim().minLength(2).maxLength(255)

type FunnelMeta = { workspaceId: number; funnelId?: number }

/** `POST /api/funnels`: only the name is required; the slug is derived from it when absent. */
export const createFunnelValidator = vine
  .withMetaData<FunnelMeta>()
  .create({ name: funnelName(), ...funnelFields })

/** `PUT /api/funnels/:id`: any subset of the fields. */
export const updateFunnelValidator = vine
  .withMetaData<FunnelMeta>()
  .create({ name: funnelName().optional(), ...funnelFields })

/** `GET /api/funnels`: page, search by name, active filter, archived included on demand. */
export const listFunnelsValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  search: vine.string().trim().maxLength(100).optional(),
  active: vine.boolean().optional(),
  archived: vine.boolean().optional(),
})

/** `POST /api/funnels/:id/clone`: optional target workspace (same agency) and name. */
export const cloneFunnelValidator = vine.create({
  targetWorkspaceId: vine.number().withoutDecimals().positive().optional(),
  name: funnelName().optional(),
})

/**
 * The first of `base`, `base-2`, `base-3`… that is not in `taken` (slugs already used in the
 * same scope, reserved words included by the caller).
 */
export function freeSlug(base: string, taken: Iterable<string>) {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!used.has(candidate)) return candidate
  }
}
