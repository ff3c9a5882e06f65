import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * Admin pages for funnels, under /w/:workspaceSlug (ctx.workspace resolved among the user's
 * workspaces, another workspace is a 404; writes need the editor role).
 */
router
  .group(() => {
    const id = router.matchers.number()

    router.get('/funnels', [controllers.admin.Funnels, 'index']).as('funnels.index')
    router.post('/funnels', [controllers.admin.Funnels, 'store']).as('funnels.store')

    /** Templates (issue 18 item 2): the gallery, a funnel from one, save and delete. */
    router.get('/templates', [controllers.admin.FunnelTemplates, 'index']).as('templates.index')
    router
      .post('/funnels/from-template', [controllers.admin.FunnelTemplates, 'apply'])
      .as('templates.apply')
    router
      .post('/funnels/:id/save-as-template', [controllers.admin.FunnelTemplates, 'store'])
      .where('id', id)
      .as('templates.store')
    router
      .delete('/templates/:id', [controllers.admin.FunnelTemplates, 'destroy'])
      .where('id', id)
      .as('templates.destroy')
    router
      .get('/funnels/:id', [controllers.admin.Funnels, 'show'])
      .where('id', id)
      .as('funnels.show')
    router
      .put('/funnels/:id', [controllers.admin.Funnels, 'update'])
      .where('id', id)
      .as('funnels.update')
    router
      .delete('/funnels/:id', [controllers.admin.Funnels, 'destroy'])
      .where('id', id)
      .as('funnels.destroy')
    router
      .post('/funnels/:id/clone', [controllers.admin.Funnels, 'clone'])
      .where('id', id)
      .as('funnels.clone')
    router
      .post('/funnels/:id/archive', [controllers.admin.Funnels, 'archive'])
      .where('id', id)
      .as('funnels.archive')
    router
      .post('/funnels/:id/unarchive', [controllers.admin.Funnels, 'unarchive'])
      .where('id', id)
      .as('funnels.unarchive')

    /** Draft and publish (issue 18 item 4): the public site serves the published version. */
    router
      .post('/funnels/:id/publish', [controllers.admin.FunnelPublications, 'store'])
      .where('id', id)
      .as('funnels.publish')
    router
      .get('/funnels/:id/changes', [controllers.admin.FunnelPublications, 'changes'])
      .where('id', id)
      .as('funnels.changes')

    router
      .post('/funnels/:funnelId/steps', [controllers.admin.Steps, 'store'])
      .where('funnelId', id)
      .as('steps.store')
    router
      .put('/funnels/:funnelId/steps/reorder', [controllers.admin.Steps, 'reorder'])
      .where('funnelId', id)
      .as('steps.reorder')
    router
      .put('/funnels/:funnelId/steps/:stepId', [controllers.admin.Steps, 'update'])
      .where('funnelId', id)
      .where('stepId', id)
      .as('steps.update')
    router
      .delete('/funnels/:funnelId/steps/:stepId', [controllers.admin.Steps, 'destroy'])
      .where('funnelId', id)
      .where('stepId', id)
      .as('steps.destroy')

    /** The block editor (JSON): save a step's page, preview an unsaved one (app/types/step_page.ts). */
    router
      .put('/funnels/:funnelId/steps/:stepId/page', [controllers.admin.StepPages, 'update'])
      .where('funnelId', id)
      .where('stepId', id)
      .as('step_pages.update')
    router
      .post('/funnels/:funnelId/steps/:stepId/preview', [controllers.admin.StepPages, 'preview'])
      .where('funnelId', id)
      .where('stepId', id)
      .as('step_pages.preview')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
