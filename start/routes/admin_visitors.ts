import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * Admin visitors pages under /w/:workspaceSlug: the list (online / all, filters) and a
 * visitor's timeline (by public id; another workspace's visitor is a 404), and the live
 * monitor. Read-only.
 */
router
  .group(() => {
    router.get('/visitors', [controllers.admin.Visitors, 'index']).as('visitors.index')
    router.get('/visitors/:id', [controllers.admin.Visitors, 'show']).as('visitors.show')
    router.get('/monitor', [controllers.admin.Monitor, 'show']).as('monitor.show')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
