import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import Agency from '#models/agency'
import AgencyPolicy from '#policies/agency_policy'
import WorkspaceAccess from '#services/workspace_access'
import { agencyBrand, agencyBrandSettings, adminDomainState } from '#services/agency_brand'
import { agencyBrandValidator, agencyDomainValidator } from '#validators/brand'
import UpdateAgencyBrand from '#actions/agencies/update_agency_brand'
import SetAgencyDomain from '#actions/agencies/set_agency_domain'
import VerifyAgencyDomain from '#actions/agencies/verify_agency_domain'
import { t } from '#services/i18n'
import db from '@adonisjs/lucid/services/db'
import { fieldError } from '#actions/accounts/field_error'
import StoreAgencyBrandAsset, {
  BRAND_ASSET_KINDS,
  BRAND_ASSET_TYPES,
  type BrandAssetKind,
} from '#actions/agencies/store_agency_brand_asset'

/**
 * The agency's white-label (`/agencies/:id/brand`): its brand and its own admin domain. Owners
 * and admins edit it; another agency's id, or one the user is not a member of, is a 404.
 */
export default class AgencyBrandController {
  async show(ctx: HttpContext) {
    const { inertia, bouncer } = ctx
    const agency = await this.#agencyOf(ctx)
    return inertia.render('agencies/brand', {
      agency: {
        id: agency.id,
        name: agency.name,
        brand: agencyBrandSettings(agency),
        /** What its clients see with these settings (fallbacks applied). */
        preview: agencyBrand(agency),
        domain: adminDomainState(agency),
        canManage: await bouncer.with(AgencyPolicy).allows('manageWorkspaces', agency),
      },
    })
  }

  async update(ctx: HttpContext) {
    const { request, bouncer, response, session } = ctx
    const agency = await this.#agencyOf(ctx)
    await bouncer.with(AgencyPolicy).authorize('manageWorkspaces', agency)
    const data = await request.validateUsing(agencyBrandValidator)
    await UpdateAgencyBrand.handle({ agency, data })
    session.flash('success', t(ctx.locale, 'agency_brand.saved'))
    return response.redirect().back()
  }

  async updateDomain(ctx: HttpContext) {
    const { request, bouncer, response, session } = ctx
    const agency = await this.#agencyOf(ctx)
    await bouncer.with(AgencyPolicy).authorize('manageWorkspaces', agency)
    const { adminDomain } = await request.validateUsing(agencyDomainValidator, {
      meta: { agencyId: agency.id },
    })
    await SetAgencyDomain.handle({ agency, domain: adminDomain || null })
    session.flash('success', t(ctx.locale, 'agency_brand.domain_saved'))
    return response.redirect().back()
  }

  /** "Verificar agora": looks the TXT record up and flashes the outcome. */
  async verifyDomain(ctx: HttpContext) {
    const { bouncer, response, session } = ctx
    const agency = await this.#agencyOf(ctx)
    await bouncer.with(AgencyPolicy).authorize('manageWorkspaces', agency)
    const outcome = await VerifyAgencyDomain.handle({ agency })
    const message = t(ctx.locale, `agency_brand.check.${outcome}`, {
      domain: agency.adminDomain ?? '',
      name: adminDomainState(agency)?.record?.name ?? '',
    })
    session.flash(outcome === 'verified' ? 'success' : 'error', message)
    return response.redirect().back()
  }

  /** `POST /agencies/:id/brand/:kind` (logo | favicon): an uploaded image instead of a URL. */
  async upload(ctx: HttpContext) {
    const { request, bouncer, response, session, params } = ctx
    const agency = await this.#agencyOf(ctx)
    await bouncer.with(AgencyPolicy).authorize('manageWorkspaces', agency)
    const kind = params.kind as BrandAssetKind
    if (!BRAND_ASSET_KINDS.includes(kind)) {
      throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    }
    const file = request.file('file', { size: '256kb', extnames: Object.keys(BRAND_ASSET_TYPES) })
    if (!file) throw fieldError('file', 'required', t(ctx.locale, 'agency_brand.upload.required'))
    if (!file.isValid) {
      const rule = file.errors[0]?.type === 'size' ? 'size' : 'extname'
      throw fieldError('file', rule, t(ctx.locale, `agency_brand.upload.${rule}`))
    }
    await StoreAgencyBrandAsset.handle({ agency, kind, file })
    session.flash('success', t(ctx.locale, 'agency_brand.saved'))
    return response.redirect().back()
  }

  /**
   * `GET /brand-assets/:id/:kind`: an uploaded logo or favicon, public (the login page of the
   * agency's domain shows it before anyone signs in). The URL is versioned, so it is cached for a
   * year; an SVG runs nothing (sandboxed, no script source) even when opened directly.
   */
  async asset({ params, response, request }: HttpContext) {
    const row = await db
      .from('agency_brand_assets')
      .where('agency_id', Number(params.id) || 0)
      .where('kind', String(params.kind))
      .select('content_type', 'bytes')
      .first()
    if (!row) throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    response.header('Content-Type', row.content_type)
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    response.header('X-Content-Type-Options', 'nosniff')
    response.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )
    return response.send(row.bytes)
  }

  /** An agency the user belongs to, else 404 (whether it exists is not revealed). */
  async #agencyOf({ auth, params, request }: HttpContext) {
    const id = Number(params.id)
    const role = await WorkspaceAccess.agencyRole(auth.getUserOrFail(), id)
    if (!role) throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    return Agency.findOrFail(id)
  }
}
