import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/**
 * The seed's JSON API for integrations: tracking pixels and credentials. Inside this group
 * ctx.workspace is resolved (token or X-Workspace) and writes need the editor role
 * (requireWrite answers 403 for viewers).
 */
router
  .group(() => {
    router
      .group(() => {
        router.get('/', [controllers.api.Pixels, 'index']).as('index')
        router.post('/', [controllers.api.Pixels, 'store']).as('store')
        router
          .get('/:id', [controllers.api.Pixels, 'show'])
          .where('id', router.matchers.number())
          .as('show')
        router
          .put('/:id', [controllers.api.Pixels, 'update'])
          .where('id', router.matchers.number())
          .as('update')
        router
          .delete('/:id', [controllers.api.Pixels, 'destroy'])
          .where('id', router.matchers.number())
          .as('destroy')
      })
      .prefix('/tracking/pixels')
      .as('pixels')

    router
      .group(() => {
        router.get('/', [controllers.api.Credentials, 'index']).as('index')
        router.post('/', [controllers.api.Credentials, 'store']).as('store')
        router
          .get('/:id', [controllers.api.Credentials, 'show'])
          .where('id', router.matchers.number())
          .as('show')
        router
          .put('/:id', [controllers.api.Credentials, 'update'])
          .where('id', router.matchers.number())
          .as('update')
        router
          .delete('/:id', [controllers.api.Credentials, 'destroy'])
          .where('id', router.matchers.number())
          .as('destroy')
        router
          .post('/:id/test', [controllers.api.Credentials, 'test'])
          .where('id', router.matchers.number())
          .as('test')
      })
      .prefix('/credentials')
      .as('credentials')
  })
  .prefix('/api')
  .as('api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])
