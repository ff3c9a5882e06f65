import type { HttpContext } from '@adonisjs/core/http'
import { createCredentialValidator, updateCredentialValidator } from '#validators/credential'
import CredentialTransformer from '#transformers/credential_transformer'
import CreateCredential from '#actions/credentials/create_credential'
import UpdateCredential from '#actions/credentials/update_credential'
import DeleteCredential from '#actions/credentials/delete_credential'
import TestCredentialConnection from '#actions/credentials/test_credential_connection'
import { CREDENTIAL_SERVICES, type CredentialService } from '#enums/funnels'
import { t } from '#services/i18n'
import { defaultBaseUrlOf } from '#integrations/clients'
import { serialize } from '#services/serialize'

/** A service the form offers, with its documented base URL (null: the credential gives one). */
function serviceInfoOf(service: CredentialService) {
  return { key: service, defaultUrl: defaultBaseUrlOf(service) }
}
export type ServiceInfo = ReturnType<typeof serviceInfoOf>

/**
 * `/w/:workspaceSlug/credentials`: the credentials page; writes share the API's actions.
 * Secrets reach the page masked only, and forms never receive them back.
 */
export default class CredentialsController {
  async index({ inertia, workspace }: HttpContext) {
    const credentials = await workspace
      .related('credentials')
      .query()
      .orderBy('service')
      .orderBy('name')
      .limit(500)
    return inertia.render('credentials/index', {
      credentials: CredentialTransformer.transform(credentials),
      services: CREDENTIAL_SERVICES.map(serviceInfoOf),
    })
  }

  async store({ auth, request, response, session, workspace, locale }: HttpContext) {
    const data = await request.validateUsing(createCredentialValidator, {
      meta: { workspaceId: workspace.id },
    })
    await CreateCredential.handle({ workspace, user: auth.user ?? null, data })
    session.flash('success', t(locale, 'credentials.created'))
    return response.redirect().back()
  }

  async update({ params, request, response, session, workspace, locale }: HttpContext) {
    const credential = await this.#find(workspace, params.id)
    const data = await request.validateUsing(updateCredentialValidator, {
      data: CredentialTransformer.withChanges(credential, request.body()),
      meta: { workspaceId: workspace.id, service: credential.service },
    })
    await UpdateCredential.handle({ credential, data })
    session.flash('success', t(locale, 'credentials.updated'))
    return response.redirect().back()
  }

  async destroy({ params, response, session, workspace, locale }: HttpContext) {
    const credential = await this.#find(workspace, params.id)
    await DeleteCredential.handle({ credential })
    session.flash('success', t(locale, 'credentials.deleted'))
    return response.redirect().back()
  }

  /** "Testar conexão" from the page (a JSON call, not a visit): the same answer as the API. */
  async test({ params, workspace, locale }: HttpContext) {
    const credential = await this.#find(workspace, params.id)
    const outcome = await TestCredentialConnection.handle({ credential })
    return serialize(
      CredentialTransformer.transform(credential, { outcome, locale }).useVariant('testResult')
    )
  }

  /** Another workspace's credential is a 404. */
  #find(workspace: HttpContext['workspace'], id: number | string) {
    return workspace.related('credentials').query().where('id', Number(id)).firstOrFail()
  }
}
