import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * The builder's A/B split tests (issue 16), under /w/:workspaceSlug: started on a step, then
 * addressed by their own id inside the workspace (another workspace's id is a 404).
 */
router
  .group(() => {
    const id = router.matchers.number()

    router
      .post('/funnels/:funnelId/steps/:stepId/split-tests', [controllers.admin.SplitTests, 'store'])
      .where('funnelId', id)
      .where('stepId', id)
      .as('split_tests.store')
    router
      .put('/split-tests/:id', [controllers.admin.SplitTests, 'update'])
      .where('id', id)
      .as('split_tests.update')
    router
      .put('/split-tests/:id/variants/:variantId', [controllers.admin.SplitTests, 'updateVariant'])
      .where('id', id)
      .where('variantId', id)
      .as('split_tests.variants.update')
    router
      .post('/split-tests/:id/winner', [controllers.admin.SplitTests, 'winner'])
      .where('id', id)
      .as('split_tests.winner')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
