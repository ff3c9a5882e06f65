import type User from '#models/user'
import type Workspace from '#models/workspace'
import FunnelTemplate from '#models/funnel_template'
import { DomainError } from '#exceptions/domain_error'
import { agencyTemplatesAllowed } from '#actions/templates/template_access'

/**
 * Deletes one of the agency's templates (funnels made from it keep their steps: a template is
 * copied, never linked). Another agency's id, or a client login, is a 404.
 */
export default class DeleteTemplate {
  static async handle({ workspace, user, id }: { workspace: Workspace; user: User; id: number }) {
    const template = (await agencyTemplatesAllowed(user, workspace))
      ? await FunnelTemplate.forAgency(workspace.agencyId).where('id', id).first()
      : null
    if (!template) throw new DomainError(404, 'not_found', 'errors.not_found')
    await template.delete()
  }
}
