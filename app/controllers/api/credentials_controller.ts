import type { HttpContext } from '@adonisjs/core/http'
import { pageOf, pageParams, paginationValidator } from '#services/pagination'
import {
  createCredentialValidator,
  credentialFilterValidator,
  updateCredentialValidator,
} from '#validators/credential'
import CredentialTransformer from '#transformers/credential_transformer'
import CreateCredential from '#actions/credentials/create_credential'
import UpdateCredential from '#actions/credentials/update_credential'
import DeleteCredential from '#actions/credentials/delete_credential'
import TestCredentialConnection from '#actions/credentials/test_credential_connection'
import { serialize } from '#services/serialize'

/**
 * `/api/credentials`: integration keys of the workspace. Keys and secrets are write-only:
 * every answer carries them masked.
 */
export default class CredentialsController {
  /** Paginated, optionally for one service (`?service=`). */
  async index({ request, workspace }: HttpContext) {
    const { page, perPage } = pageParams(await request.validateUsing(paginationValidator))
    const { service } = await request.validateUsing(credentialFilterValidator)
    const credentials = await workspace
      .related('credentials')
      .query()
      .if(service, (query) => query.where('service', service!))
      .orderBy('service')
      .orderBy('id')
      .paginate(page, perPage)
    return pageOf(credentials, (rows) => CredentialTransformer.transform(rows))
  }

  async show({ params, workspace }: HttpContext) {
    const credential = await this.#find(workspace, params.id)
    return serialize({ credential: CredentialTransformer.transform(credential) })
  }

  async store({ auth, request, response, workspace }: HttpContext) {
    const data = await request.validateUsing(createCredentialValidator, {
      meta: { workspaceId: workspace.id },
    })
    const credential = await CreateCredential.handle({ workspace, user: auth.user ?? null, data })
    return response.created(
      await serialize({ credential: CredentialTransformer.transform(credential) })
    )
  }

  /** The request is merged over the stored credential; omitted or empty secrets are kept. */
  async update({ params, request, workspace }: HttpContext) {
    const credential = await this.#find(workspace, params.id)
    const data = await request.validateUsing(updateCredentialValidator, {
      data: CredentialTransformer.withChanges(credential, request.body()),
      meta: { workspaceId: workspace.id, service: credential.service },
    })
    await UpdateCredential.handle({ credential, data })
    return serialize({ credential: CredentialTransformer.transform(credential) })
  }

  async destroy({ params, response, workspace }: HttpContext) {
    const credential = await this.#find(workspace, params.id)
    await DeleteCredential.handle({ credential })
    return response.noContent()
  }

  /** "Testar conexão": always 200; the outcome is in the body. */
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
