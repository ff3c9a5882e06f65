import { randomBytes } from 'node:crypto'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Agency from '#models/agency'
import Workspace from '#models/workspace'

interface Params {
  agency: Agency
  data: { name: string; slug: string; timezone?: string }
  /** Part of a larger transaction (the demo seed), when given. */
  trx?: TransactionClientContract
}

/** Creates a client workspace for an agency, with its secret webhook token. */
export default class CreateWorkspace {
  static async handle({ agency, data, trx }: Params) {
    return Workspace.create(
      {
        agencyId: agency.id,
        name: data.name,
        slug: data.slug,
        timezone: data.timezone ?? 'America/Sao_Paulo',
        settings: {},
        webhookToken: randomBytes(24).toString('base64url'),
      },
      { client: trx }
    )
  }
}
