import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type User from '#models/user'
import type { CredentialService } from '#enums/funnels'

export interface CredentialData {
  service: CredentialService
  name: string
  apiKey?: string | null
  apiSecret?: string | null
  apiUrl?: string | null
  settings?: Record<string, unknown>
  isActive?: boolean
}

interface Params {
  workspace: Workspace
  user: User | null
  data: CredentialData & { apiKey: string }
}

/** Stores an integration credential; the model encrypts the key and the secret. */
export default class CreateCredential {
  static async handle({ workspace, user, data }: Params) {
    return db.transaction((trx) =>
      workspace.related('credentials').create(
        {
          service: data.service,
          name: data.name,
          apiKey: data.apiKey,
          apiSecret: data.apiSecret ?? null,
          apiUrl: data.apiUrl ?? null,
          settings: data.settings ?? {},
          isActive: data.isActive ?? true,
          createdBy: user?.id ?? null,
        },
        { client: trx }
      )
    )
  }
}
