import db from '@adonisjs/lucid/services/db'
import type Credential from '#models/credential'
import type { CredentialData } from '#actions/credentials/create_credential'

interface Params {
  credential: Credential
  data: CredentialData & { clearApiSecret?: boolean }
}

/**
 * Changes a credential. Secrets are write-only: an omitted or empty key or secret keeps the
 * stored one (forms never receive it back), `clearApiSecret` removes the secret.
 */
export default class UpdateCredential {
  static async handle({ credential, data }: Params) {
    await db.transaction(async (trx) => {
      credential.useTransaction(trx)
      credential.merge({
        name: data.name,
        apiUrl: data.apiUrl ?? null,
        settings: data.settings ?? {},
        ...(data.isActive !== undefined ? { isActive: data.isActive } : {}),
      })
      /** A new key has not been tried yet. */
      if (data.apiKey)
        credential.merge({ apiKey: data.apiKey, healthStatus: 'unknown', healthError: null })
      if (data.clearApiSecret) credential.apiSecret = null
      else if (data.apiSecret) credential.apiSecret = data.apiSecret
      await credential.save()
    })
    return credential
  }
}
