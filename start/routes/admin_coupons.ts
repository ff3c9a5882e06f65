import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * Admin page of the workspace's discount coupons, under /w/:workspaceSlug (another workspace's
 * coupon is a 404; writes need the editor role).
 */
router
  .group(() => {
    router.get('/coupons', [controllers.admin.Coupons, 'index']).as('coupons.index')
    router.post('/coupons', [controllers.admin.Coupons, 'store']).as('coupons.store')
    router
      .put('/coupons/:id', [controllers.admin.Coupons, 'update'])
      .where('id', router.matchers.number())
      .as('coupons.update')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
