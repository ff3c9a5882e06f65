import vine from '@vinejs/vine'

/** Lowercase letters, digits and inner hyphens: the slug is a DNS label (the subdomain). */
export const WORKSPACE_SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/

/** Subdomains kept for the platform itself. */
export const RESERVED_SLUGS = ['www', 'app', 'api', 'admin', 'static', 'assets', 'mail', 'cdn']

const timezone = () =>
  vine
    .string()
    .trim()
    .in(Intl.supportedValuesOf('timeZone').concat(['UTC']))

const customDomain = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(255)
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/)
    /**
     * Taken only once another workspace has verified it: a pending claim blocks nobody (else
     * typing a brand's domain first would squat it); the DNS record decides who gets it.
     */
    .unique(async (db, value, field) => {
      const row = await db
        .from('workspaces')
        .whereRaw('lower(custom_domain) = ?', [value])
        .whereNotNull('custom_domain_verified_at')
        .whereNot('id', field.meta.workspaceId ?? 0)
        .first()
      if (row) return false
      /** Nor an agency's verified admin domain (white-label): that host serves the admin. */
      const agency = await db
        .from('agencies')
        .whereRaw('lower(admin_domain) = ?', [value])
        .whereNotNull('admin_domain_verified_at')
        .first()
      return !agency
    })

export const createWorkspaceValidator = vine.create({
  agencyId: vine.number().withoutDecimals().positive(),
  name: vine.string().trim().minLength(2).maxLength(255),
  slug: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(WORKSPACE_SLUG)
    .notIn(RESERVED_SLUGS)
    .unique({ table: 'workspaces', column: 'slug' }),
  timezone: timezone().optional(),
})

export const updateWorkspaceValidator = vine.withMetaData<{ workspaceId: number }>().compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(255),
    timezone: timezone(),
    customDomain: customDomain().nullable().optional(),
  })
)
