import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/**
 * The seed's JSON API for funnels. Inside this group ctx.workspace is resolved (token or
 * X-Workspace) and writes need the editor role (requireWrite answers 403 for viewers).
 */
router
  .group(() => {
    const id = router.matchers.number()

    router.get('/funnels', [controllers.api.Funnels, 'index']).as('funnels.index')
    router.post('/funnels', [controllers.api.Funnels, 'store']).as('funnels.store')
    router.get('/funnels/:id', [controllers.api.Funnels, 'show']).where('id', id).as('funnels.show')
    router
      .put('/funnels/:id', [controllers.api.Funnels, 'update'])
      .where('id', id)
      .as('funnels.update')
    router
      .delete('/funnels/:id', [controllers.api.Funnels, 'destroy'])
      .where('id', id)
      .as('funnels.destroy')
    router
      .post('/funnels/:id/clone', [controllers.api.Funnels, 'clone'])
      .where('id', id)
      .as('funnels.clone')
    router
      .post('/funnels/:id/archive', [controllers.api.Funnels, 'archive'])
      .where('id', id)
      .as('funnels.archive')
    router
      .post('/funnels/:id/unarchive', [controllers.api.Funnels, 'unarchive'])
      .where('id', id)
      .as('funnels.unarchive')

    router
      .post('/funnels/:id/publish', [controllers.api.FunnelPublications, 'store'])
      .where('id', id)
      .as('funnels.publish')
    router
      .get('/funnels/:id/changes', [controllers.api.FunnelPublications, 'changes'])
      .where('id', id)
      .as('funnels.changes')

    router
      .get('/funnels/:funnel_id/steps', [controllers.api.Steps, 'index'])
      .where('funnel_id', id)
      .as('steps.index')
    router
      .post('/funnels/:funnel_id/steps', [controllers.api.Steps, 'store'])
      .where('funnel_id', id)
      .as('steps.store')
    /** Before `/steps/:id`, which could not capture it anyway (numeric ids only). */
    router
      .put('/funnels/:funnel_id/steps/reorder', [controllers.api.Steps, 'reorder'])
      .where('funnel_id', id)
      .as('steps.reorder')
    router
      .put('/funnels/:funnel_id/steps/:id', [controllers.api.Steps, 'update'])
      .where('funnel_id', id)
      .where('id', id)
      .as('steps.update')
    router
      .delete('/funnels/:funnel_id/steps/:id', [controllers.api.Steps, 'destroy'])
      .where('funnel_id', id)
      .where('id', id)
      .as('steps.destroy')

    /** A/B split tests of a step (issue 16): start on a step, then addressed by their own id. */
    router
      .get('/funnels/:funnel_id/split-tests', [controllers.api.SplitTests, 'list'])
      .where('funnel_id', id)
      .as('split_tests.list')
    router
      .post('/funnels/:funnel_id/steps/:step_id/split-tests', [controllers.api.SplitTests, 'store'])
      .where('funnel_id', id)
      .where('step_id', id)
      .as('split_tests.store')
    router
      .get('/split-tests/:id', [controllers.api.SplitTests, 'show'])
      .where('id', id)
      .as('split_tests.show')
    router
      .put('/split-tests/:id', [controllers.api.SplitTests, 'update'])
      .where('id', id)
      .as('split_tests.update')
    router
      .put('/split-tests/:id/variants/:variant_id', [controllers.api.SplitTests, 'updateVariant'])
      .where('id', id)
      .where('variant_id', id)
      .as('split_tests.variants.update')
    router
      .post('/split-tests/:id/winner', [controllers.api.SplitTests, 'winner'])
      .where('id', id)
      .as('split_tests.winner')
  })
  .prefix('/api')
  .as('api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])
