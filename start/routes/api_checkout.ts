import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
// import { controllers } from '#generated/controllers'

/**
 * The seed's JSON API for checkout. Inside this group ctx.workspace is resolved (token or
 * X-Workspace) and writes need the editor role (requireWrite answers 403 for viewers).
 */
router
  .group(() => {})
  .prefix('/api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite()])
