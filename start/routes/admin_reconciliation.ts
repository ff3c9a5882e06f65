import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/** The "Conciliação" page under /w/:workspaceSlug (read-only: any member of the workspace). */
router
  .group(() => {
    router
      .get('/reconciliation', [controllers.admin.Reconciliation, 'index'])
      .as('reconciliation.index')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace()])
