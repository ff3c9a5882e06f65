import db from '@adonisjs/lucid/services/db'
import Funnel from '#models/funnel'
import FunnelTemplate from '#models/funnel_template'
import type User from '#models/user'
import type Workspace from '#models/workspace'
import { DomainError } from '#exceptions/domain_error'
import { snapshotFunnel } from '#actions/funnels/materialize_funnel'
import { agencyTemplatesAllowed } from '#actions/templates/template_access'

interface Params {
  workspace: Workspace
  funnel: Funnel
  user: User
  data: { name: string; description?: string | null }
}

/**
 * "Salvar como modelo": the funnel's steps, pages, contents and checkout configurations (as
 * edited now, the draft) become a template of the workspace's agency, usable from any of its
 * workspaces. Never in it: payments, visitors, pixels (ad accounts), credentials.
 */
export default class SaveFunnelAsTemplate {
  static async handle({ workspace, funnel, user, data }: Params) {
    if (!(await agencyTemplatesAllowed(user, workspace))) {
      throw new DomainError(403, 'forbidden', 'templates.errors.agency_only')
    }
    return db.transaction(async (trx) => {
      /** Step writes wait while the funnel is read, so the template is one consistent state. */
      const locked = await Funnel.forWorkspace(workspace, { client: trx })
        .where('id', funnel.id)
        .forShare()
        .firstOrFail()
      const snapshot = await snapshotFunnel(trx, locked, { pixels: false })
      return FunnelTemplate.create(
        {
          agencyId: workspace.agencyId,
          name: data.name,
          description: data.description ?? null,
          snapshot,
          createdBy: user.id,
        },
        { client: trx }
      )
    })
  }
}
