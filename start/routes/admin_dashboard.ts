import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/** The workspace's analytics dashboard (period picker, KPIs, charts). Read-only. */
router
  .group(() => {
    router.get('/dashboard', [controllers.admin.Dashboard, 'show']).as('dashboard')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
