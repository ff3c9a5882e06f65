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

  /** An agency the user belongs to, else 404 (whether it exists is not revealed). */
  async #agencyOf({ auth, params, request }: HttpContext) {
    const id = Number(params.id)
    const role = await WorkspaceAccess.agencyRole(auth.getUserOrFail(), id)
    if (!role) throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
    return Agency.findOrFail(id)
  }
}
