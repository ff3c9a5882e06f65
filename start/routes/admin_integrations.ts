import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * Admin pages for integrations (pixels, credentials), under /w/:workspaceSlug (ctx.workspace
 * resolved among the user's workspaces, another workspace is a 404; writes need the editor role).
 */
router
  .group(() => {
    router.get('/pixels', [controllers.admin.Pixels, 'index']).as('pixels.index')
    router.post('/pixels', [controllers.admin.Pixels, 'store']).as('pixels.store')
    router
      .put('/pixels/:id', [controllers.admin.Pixels, 'update'])
      .where('id', router.matchers.number())
      .as('pixels.update')
    router
      .delete('/pixels/:id', [controllers.admin.Pixels, 'destroy'])
      .where('id', router.matchers.number())
      .as('pixels.destroy')

    router.get('/credentials', [controllers.admin.Credentials, 'index']).as('credentials.index')
    router.post('/credentials', [controllers.admin.Credentials, 'store']).as('credentials.store')
    router
      .put('/credentials/:id', [controllers.admin.Credentials, 'update'])
      .where('id', router.matchers.number())
      .as('credentials.update')
    router
      .delete('/credentials/:id', [controllers.admin.Credentials, 'destroy'])
      .where('id', router.matchers.number())
      .as('credentials.destroy')
    router
      .post('/credentials/:id/test', [controllers.admin.Credentials, 'test'])
      .where('id', router.matchers.number())
      .as('credentials.test')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
