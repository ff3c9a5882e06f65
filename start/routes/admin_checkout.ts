import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * Admin pages for checkout, under /w/:workspaceSlug (ctx.workspace resolved among the user's
 * workspaces, another workspace is a 404; writes need the editor role).
 */
router
  .group(() => {
    router
      .get('/funnels/:funnelId/steps/:stepId/preview', [controllers.admin.StepPreviews, 'show'])
      .as('step_previews.show')

    router
      .group(() => {
        router.get('/', [controllers.admin.Checkout, 'edit']).as('edit')
        router.put('/', [controllers.admin.Checkout, 'update']).as('update')
        router.post('/preview', [controllers.admin.Checkout, 'preview']).as('preview')
      })
      .prefix('/funnels/:funnelId/checkout/:stepId')
      .as('checkout')
  })
  .prefix('/w/:workspaceSlug')
  .where('funnelId', router.matchers.number())
  .where('stepId', router.matchers.number())
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
