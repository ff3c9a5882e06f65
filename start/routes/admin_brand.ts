import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const AgencyBrandController = () => import('#controllers/admin/agency_brand_controller')
const WorkspaceBrandController = () => import('#controllers/admin/workspace_brand_controller')

/**
 * White-label (issue 17 items 3 and 4): the agency's brand and admin domain under
 * /agencies/:id (another agency's id is a 404), the workspace's funnel-page brand under
 * /w/:workspaceSlug (another workspace's slug is a 404).
 */
router
  .group(() => {
    router.get('/brand', [AgencyBrandController, 'show']).as('show')
    router.put('/brand', [AgencyBrandController, 'update']).as('update')
    router.put('/domain', [AgencyBrandController, 'updateDomain']).as('domain.update')
    router.post('/domain/verify', [AgencyBrandController, 'verifyDomain']).as('domain.verify')
    router
      .post('/brand/:kind', [AgencyBrandController, 'upload'])
      .where('kind', /^(logo|favicon)$/)
      .as('upload')
  })
  .prefix('/agencies/:id')
  .where('id', router.matchers.number())
  .as('agencies.brand')
  .use(middleware.auth())

/** Uploaded logos and favicons: public, so the agency domain's login page can show them. */
router
  .get('/brand-assets/:id/:kind', [AgencyBrandController, 'asset'])
  .where('id', router.matchers.number())
  .as('brand_assets.show')

router
  .group(() => {
    router.put('/settings/brand', [WorkspaceBrandController, 'update']).as('settings.brand')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
