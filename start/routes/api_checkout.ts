import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/**
 * The seed's JSON API for checkout. Inside this group ctx.workspace is resolved (token or
 * X-Workspace) and writes need the editor role (requireWrite answers 403 for viewers).
 */
router
  .group(() => {
    router
      .group(() => {
        router.get('/', [controllers.api.Checkout, 'show']).as('show')
        router.put('/', [controllers.api.Checkout, 'update']).as('update')
        router.post('/preview', [controllers.api.Checkout, 'preview']).as('preview')
      })
      .prefix('/checkout/:funnelId/:stepId')
      .where('funnelId', router.matchers.number())
      .where('stepId', router.matchers.number())
      .as('checkout')
  })
  .prefix('/api')
  .as('api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])
