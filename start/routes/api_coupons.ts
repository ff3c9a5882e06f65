import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/**
 * The workspace's discount coupons (token or X-Workspace; writes need the editor role). Bodies
 * in the seed's snake_case or camelCase (apiShape), unknown fields refused.
 */
router
  .group(() => {
    router
      .group(() => {
        router.get('/', [controllers.api.Coupons, 'index']).as('index')
        router.post('/', [controllers.api.Coupons, 'store']).as('store')
        router
          .get('/:id', [controllers.api.Coupons, 'show'])
          .where('id', router.matchers.number())
          .as('show')
        router
          .put('/:id', [controllers.api.Coupons, 'update'])
          .where('id', router.matchers.number())
          .as('update')
      })
      .prefix('/coupons')
      .as('coupons')
  })
  .prefix('/api')
  .as('api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])
