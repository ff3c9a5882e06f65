import db from '@adonisjs/lucid/services/db'
import type Credential from '#models/credential'

/** Removes a credential (and its encrypted secrets). */
export default class DeleteCredential {
  static async handle({ credential }: { credential: Credential }) {
    await db.transaction(async (trx) => {
      credential.useTransaction(trx)
      await credential.delete()
    })
  }
}
