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
    /** Beacons: a real page sends a few a minute; a script flooding the events table gets 429s. */
    router
      .post('/_funil/e', [controllers.public.Beacon, 'store'])
      .use([
        middleware.publicThrottle({ name: 'beacon_ip', requests: 600 }),
        middleware.publicThrottle({ name: 'beacon_visitor', requests: 120, by: 'visitor' }),
      ])
      .as('beacon')
    router.get('/:funnelSlug', [controllers.public.Pages, 'show']).as('funnel')
    router.get('/:funnelSlug/:stepSlug', [controllers.public.Pages, 'show']).as('step')
    router
      .post('/:funnelSlug/:stepSlug', [controllers.public.Pages, 'capture'])
      .use(middleware.publicThrottle({ name: 'leads', requests: 30 }))
      .as('capture')
  })
  .prefix(SITE_PREFIX)
  .as('site')
  .use(middleware.publicWorkspace())
