import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * "Eventos rejeitados" under /w/:workspaceSlug: tracking events of the workspace that the
 * beacon flush set aside because PostgreSQL refused them (owners and admins only).
 */
router
  .group(() => {
    router
      .get('/rejected-events', [controllers.admin.RejectedEvents, 'index'])
      .as('rejected_events.index')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace()])
