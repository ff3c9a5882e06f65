import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
// import { controllers } from '#generated/controllers'

/**
 * Admin pages for integrations, under /w/:workspaceSlug (ctx.workspace resolved among the user's
 * workspaces, another workspace is a 404; writes need the editor role).
 */
router
  .group(() => {})
  .prefix('/w/:workspaceSlug')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
