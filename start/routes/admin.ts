import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

router
  .group(() => {
    router.get('/login', [controllers.Session, 'create']).as('session.create')
    router.post('/login', [controllers.Session, 'store']).as('session.store')
  })
  .use(middleware.guest())

router.post('/locale', [controllers.Locale, 'update']).as('locale.update')

router
  .group(() => {
    router.get('/', [controllers.admin.Home, 'show']).as('home')
    router.post('/logout', [controllers.Session, 'destroy']).as('session.destroy')

    router.get('/workspaces', [controllers.admin.Workspaces, 'index']).as('workspaces.index')
    router.post('/workspaces', [controllers.admin.Workspaces, 'store']).as('workspaces.store')
    router
      .put('/workspaces/:id', [controllers.admin.Workspaces, 'update'])
      .where('id', router.matchers.number())
      .as('workspaces.update')
    router
      .post('/workspaces/:id/domain/verify', [controllers.admin.Workspaces, 'verifyDomain'])
      .where('id', router.matchers.number())
      .as('workspaces.domain.verify')
    router
      .post('/workspaces/:id/archive', [controllers.admin.Workspaces, 'archive'])
      .where('id', router.matchers.number())
      .as('workspaces.archive')

    router
      .group(() => {
        router
          .get('/', ({ params, response }) =>
            response.redirect(`/w/${params.workspaceSlug}/dashboard`)
          )
          .as('root')
        router.get('/settings', [controllers.admin.Sections, 'settings']).as('settings')
      })
      .prefix('/w/:workspaceSlug')
      .as('w')
      .use([middleware.workspace(), middleware.requireWrite()])
  })
  .use(middleware.auth())
