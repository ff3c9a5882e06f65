import type { HttpContext } from '@adonisjs/core/http'
import WorkspaceTransformer from '#transformers/workspace_transformer'

/** `GET /api/workspace`: the workspace this request resolves to (token or X-Workspace). */
export default class WorkspaceController {
  async show({ workspace }: HttpContext) {
    return { workspace: WorkspaceTransformer.current(workspace) }
  }
}
