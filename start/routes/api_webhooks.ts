import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * The agency's outbound webhook endpoints. Inside this group ctx.workspace is resolved (token
 * or X-Workspace) and writes need the editor role (requireWrite answers 403 for viewers).
 */
router
  .group(() => {
    router
      .group(() => {
        router.get('/', [controllers.api.WebhookEndpoints, 'index']).as('index')
        router.post('/', [controllers.api.WebhookEndpoints, 'store']).as('store')
        router
          .get('/:id', [controllers.api.WebhookEndpoints, 'show'])
          .where('id', router.matchers.number())
          .as('show')
        router
          .put('/:id', [controllers.api.WebhookEndpoints, 'update'])
          .where('id', router.matchers.number())
          .as('update')
        router
          .delete('/:id', [controllers.api.WebhookEndpoints, 'destroy'])
          .where('id', router.matchers.number())
          .as('destroy')
        router
          .post('/:id/rotate-secret', [controllers.api.WebhookEndpoints, 'rotateSecret'])
          .where('id', router.matchers.number())
          .as('rotate_secret')
        router
          .post('/:id/test', [controllers.api.WebhookEndpoints, 'test'])
          .where('id', router.matchers.number())
          .as('test')
      })
      .prefix('/webhooks')
      .as('webhooks')
  })
  .prefix('/api')
  .as('api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite()])
