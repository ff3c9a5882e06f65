import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/** The seed's JSON API, at the seed's paths. The workspace comes from the token or X-Workspace. */
router
  .group(() => {
    router.post('/auth/login', [controllers.api.Auth, 'login']).as('auth.login').use(apiShape)
    router
      .group(() => {
        router.post('/auth/logout', [controllers.api.Auth, 'logout']).as('auth.logout')
        router.get('/auth/me', [controllers.api.Auth, 'me']).as('auth.me')
      })
      .use([middleware.apiAuth(), apiShape])

    /** Everything below is scoped to one workspace. */
    router
      .group(() => {
        router.get('/workspace', [controllers.api.Workspace, 'show']).as('workspace.show')
        router
          .post('/workspace/domain/verify', [controllers.api.Workspace, 'verifyDomain'])
          .as('workspace.domain.verify')
      })
      .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])
  })
  .prefix('/api')
  .as('api')

/** The API's OpenAPI document and its reference page: public, generated from the routes. */
const DocsController = () => import('#controllers/api/docs_controller')
router.get('/api/openapi.json', [DocsController, 'openapi']).as('api.openapi')
router.get('/docs/api', [DocsController, 'page']).as('docs.api')
router.get('/docs/api/scalar.js', [DocsController, 'bundle']).as('docs.api.bundle')
