import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * Admin payments pages under /w/:workspaceSlug (another workspace's payment is a 404; the
 * sandbox "marcar como pago" and "reconsultar gateway" need the editor role).
 */
router
  .group(() => {
    router.get('/payments', [controllers.admin.Payments, 'index']).as('payments.index')
    router
      .get('/payments/:id', [controllers.admin.Payments, 'show'])
      .where('id', router.matchers.number())
      .as('payments.show')
    router
      .post('/payments/:id/mark', [controllers.admin.Payments, 'mark'])
      .where('id', router.matchers.number())
      .as('payments.mark')
    router
      .post('/payments/:id/refresh', [controllers.admin.Payments, 'refresh'])
      .where('id', router.matchers.number())
      .as('payments.refresh')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
