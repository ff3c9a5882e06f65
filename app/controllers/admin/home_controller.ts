import type { HttpContext } from '@adonisjs/core/http'
import WorkspaceAccess from '#services/workspace_access'

/** `/`: the first workspace's dashboard, or the workspaces page when there is none. */
export default class HomeController {
  async show({ auth, response }: HttpContext) {
    const [first] = await WorkspaceAccess.list(auth.getUserOrFail())
    return response.redirect(first ? `/w/${first.slug}/dashboard` : '/workspaces')
  }
}
