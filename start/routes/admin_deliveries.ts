import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * The "Entregas" page under /w/:workspaceSlug: the postback log, one delivery in a sheet, and
 * "Reenviar" (editor role). Another workspace's delivery is a 404.
 */
router
  .group(() => {
    router.get('/deliveries', [controllers.admin.Deliveries, 'index']).as('deliveries.index')
    router
      .get('/deliveries/:id', [controllers.admin.Deliveries, 'show'])
      .where('id', router.matchers.number())
      .as('deliveries.show')
    router
      .post('/deliveries/:id/redeliver', [controllers.admin.Deliveries, 'redeliver'])
      .where('id', router.matchers.number())
      .as('deliveries.redeliver')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
