import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * Admin page of the agency's outbound webhook endpoints, under /w/:workspaceSlug (ctx.workspace
 * resolved among the user's workspaces, another workspace is a 404; writes need the editor role).
 */
router
  .group(() => {
    router.get('/webhooks', [controllers.admin.WebhookEndpoints, 'index']).as('webhooks.index')
    router.post('/webhooks', [controllers.admin.WebhookEndpoints, 'store']).as('webhooks.store')
    router
      .put('/webhooks/:id', [controllers.admin.WebhookEndpoints, 'update'])
      .where('id', router.matchers.number())
      .as('webhooks.update')
    router
      .delete('/webhooks/:id', [controllers.admin.WebhookEndpoints, 'destroy'])
      .where('id', router.matchers.number())
      .as('webhooks.destroy')
    router
      .post('/webhooks/:id/rotate-secret', [controllers.admin.WebhookEndpoints, 'rotateSecret'])
      .where('id', router.matchers.number())
      .as('webhooks.rotate_secret')
    router
      .post('/webhooks/:id/test', [controllers.admin.WebhookEndpoints, 'test'])
      .where('id', router.matchers.number())
      .as('webhooks.test')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
