import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { SITE_PREFIX } from '#services/site_host'

/**
 * The public side, served on workspace hosts (`{slug}.{APP_DOMAIN}` or a custom domain). The
 * site-host server middleware routes those hosts here, under SITE_PREFIX; ctx.workspace comes
 * from the host. Visitor endpoints live on the same host so cookies stay first-party.
 */
router
  .group(() => {
    router.post('/_funil/e', [controllers.public.Beacon, 'store']).as('beacon')
    router.get('/:funnelSlug', [controllers.public.Pages, 'show']).as('funnel')
    router.get('/:funnelSlug/:stepSlug', [controllers.public.Pages, 'show']).as('step')
    router.post('/:funnelSlug/:stepSlug', [controllers.public.Pages, 'capture']).as('capture')
  })
  .prefix(SITE_PREFIX)
  .as('site')
  .use(middleware.publicWorkspace())
