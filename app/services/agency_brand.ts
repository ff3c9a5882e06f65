import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import { normalizeHost } from '#services/tenant_host'
import { isSiteHost } from '#services/site_host'
import { TtlCache } from '#services/ttl_cache'
import { contrastColor, safeColor } from '#services/step_renderer/sanitize'
import { domainRecord } from '#services/custom_domain'

/** The product's own name: shown only where no agency brand applies. */
export const PRODUCT_NAME = 'Funil Digital'

/** What the admin shell, the login page and the account e-mails draw a brand with. */
export type Brand = {
  productName: string
  /** An https URL or a same-origin path (the product's own SVG under public/brand). */
  logoUrl: string
  faviconUrl: string
  primaryColor: string
  /** White or near-black, whichever reads best on the primary colour. */
  primaryForeground: string
  /** Whether this is an agency's brand (white-label): the product's name must not show. */
  whiteLabel: boolean
}

export const DEFAULT_BRAND: Brand = {
  productName: PRODUCT_NAME,
  logoUrl: '/brand/logo.svg',
  faviconUrl: '/brand/favicon.svg',
  primaryColor: '#047857',
  primaryForeground: '#ffffff',
  whiteLabel: false,
}

/** What an agency stores under `agencies.brand` (each field optional). */
export interface AgencyBrandSettings {
  productName: string | null
  logoUrl: string | null
  faviconUrl: string | null
  primaryColor: string | null
}

function text(value: unknown, max: number) {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null
}

/**
 * https only, no quotes or spaces (the validator enforces it, this guards older or hand-made
 * JSON), or the versioned path of an uploaded asset (StoreAgencyBrandAsset).
 */
function httpsUrl(value: unknown) {
  const url = text(value, 2001)
  if (url && /^\/brand-assets\/\d+\/(logo|favicon)\?v=[0-9a-f]{16}$/.test(url)) return url
  return url && url.length <= 2000 && /^https:\/\/[^\s"'<>]+$/i.test(url) ? url : null
}

/** The stored brand of an agency, read defensively. */
export function agencyBrandSettings(agency: Pick<Agency, 'brand'>): AgencyBrandSettings {
  const raw = (agency.brand ?? {}) as Record<string, unknown>
  const color = text(raw.primaryColor, 7)
  return {
    productName: text(raw.productName, 60),
    logoUrl: httpsUrl(raw.logoUrl),
    faviconUrl: httpsUrl(raw.faviconUrl),
    primaryColor: color ? safeColor(color, '') || null : null,
  }
}

/**
 * The brand an agency shows. An agency that set a product name, a logo or a colour, or that
 * serves its own admin domain, is white-label: missing pieces fall back to its name and the
 * neutral default images, never to this product's name.
 */
export function agencyBrand(agency: Pick<Agency, 'brand' | 'name' | 'adminDomainVerifiedAt'>) {
  const settings = agencyBrandSettings(agency)
  const whiteLabel =
    !!agency.adminDomainVerifiedAt ||
    !!settings.productName ||
    !!settings.logoUrl ||
    !!settings.primaryColor
  if (!whiteLabel) return DEFAULT_BRAND
  const primaryColor = settings.primaryColor ?? DEFAULT_BRAND.primaryColor
  return {
    productName: settings.productName ?? agency.name,
    logoUrl: settings.logoUrl ?? '/brand/mark.svg',
    faviconUrl: settings.faviconUrl ?? settings.logoUrl ?? '/brand/mark.svg',
    primaryColor,
    primaryForeground: contrastColor(primaryColor),
    whiteLabel: true,
  } satisfies Brand
}

/** Host → agency whose verified admin domain it is, for 5 s (every admin request asks). */
const byAdminHost = new TtlCache<Agency | null>(5_000)

/** The agency serving its admin on this host (verified domain only), or null. */
export async function agencyByAdminHost(hostHeader: string | null | undefined) {
  const host = normalizeHost(hostHeader ?? undefined)
  /**
   * The product's own admin host (APP_DOMAIN, localhost, a bare IP) is never an agency's: no
   * lookup, so an admin request costs the same queries whether the cache is warm or not.
   */
  if (!host || !isSiteHost(host)) return null
  return byAdminHost.remember(host, () =>
    Agency.query()
      .whereRaw('lower(admin_domain) = ?', [host])
      .whereNotNull('admin_domain_verified_at')
      .first()
  )
}

/** Forgets the cached agency of a host (its admin domain was verified or changed). */
export function forgetAdminHost(host: string | null | undefined) {
  const normalized = normalizeHost(host ?? undefined)
  if (normalized) byAdminHost.forget(normalized)
}

/** The DNS record proving an agency controls its admin domain (same label as custom domains). */
export function adminDomainRecord(agency: Pick<Agency, 'adminDomain' | 'adminDomainToken'>) {
  return domainRecord(agency.adminDomain, agency.adminDomainToken)
}

/** What pages show of an agency's admin domain. */
export function adminDomainState(agency: Agency) {
  if (!agency.adminDomain) return null
  return {
    domain: agency.adminDomain,
    status: agency.adminDomainVerifiedAt ? ('verified' as const) : ('pending' as const),
    verifiedAt: agency.adminDomainVerifiedAt?.toISO() ?? null,
    record: adminDomainRecord(agency),
  }
}

/**
 * The agency whose brand a signed-in user sees on the product's own domain: the agency of the
 * workspace open, else the first agency the user belongs to, else the agency of the first
 * workspace they were added to (a client login).
 */
export async function agencyIdOfUser(userId: number): Promise<number | null> {
  const row = await db
    .from('agency_members')
    .where('user_id', userId)
    .orderBy('id')
    .select('agency_id')
    .first()
  if (row) return row.agency_id
  const member = await db
    .from('workspace_members as wm')
    .join('workspaces as w', 'w.id', 'wm.workspace_id')
    .where('wm.user_id', userId)
    .orderBy('wm.id')
    .select('w.agency_id')
    .first()
  return member?.agency_id ?? null
}

/** The brand an account e-mail to this user (or about this agency) carries. */
export async function brandForMail(params: { agencyId?: number | null; email?: string }) {
  let agencyId = params.agencyId ?? null
  if (!agencyId && params.email) {
    const user = await db
      .from('users')
      .whereRaw('lower(email) = ?', [params.email.trim().toLowerCase()])
      .select('id')
      .first()
    if (user) agencyId = await agencyIdOfUser(user.id)
  }
  const agency = agencyId ? await Agency.find(agencyId) : null
  return { agency, brand: agency ? agencyBrand(agency) : DEFAULT_BRAND }
}

/**
 * The brand of an admin page: the agency whose verified admin domain the request is on (the
 * login page there included), else the agency of the signed-in user (the workspace open, else
 * their own), else the product's brand.
 */
export async function resolveAdminBrand(params: {
  host: string | null
  userId?: number | null
  agencyId?: number | null
}): Promise<Brand> {
  const hostAgency = await agencyByAdminHost(params.host)
  if (hostAgency) return agencyBrand(hostAgency)
  if (!params.userId) return DEFAULT_BRAND
  const agencyId = params.agencyId ?? (await agencyIdOfUser(params.userId))
  const agency = agencyId ? await Agency.find(agencyId) : null
  return agency ? agencyBrand(agency) : DEFAULT_BRAND
}

/** Whether the user belongs to the agency: a member of it, or a client login of one of its workspaces. */
export async function belongsToAgency(userId: number, agencyId: number) {
  const row = await db
    .from('agency_members')
    .where({ user_id: userId, agency_id: agencyId })
    .select('id')
    .union((query) =>
      query
        .from('workspace_members as wm')
        .join('workspaces as w', 'w.id', 'wm.workspace_id')
        .where('wm.user_id', userId)
        .where('w.agency_id', agencyId)
        .select('wm.id')
    )
    .first()
  return !!row
}
