import type { HttpContext } from '@adonisjs/core/http'
import WorkspaceAccess from '#services/workspace_access'

/** `/`: the first workspace's dashboard, or the workspaces page when there is none. */
export default class HomeController {
  async show({ auth, response }: HttpContext) {
    return response.redirect(await WorkspaceAccess.homeUrl(auth.getUserOrFail()))
  }
}
