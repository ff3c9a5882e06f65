import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  csp: { enabled: false, directives: {}, reportOnly: false },
  /**
   * CSRF protects the session-authenticated admin. The JSON API, the public site (visitor
   * forms and beacons on workspace hosts, routed under /_site)
   * and gateway webhooks are exempt, and so is any request authenticated by a bearer token
   * (a header a foreign site cannot make a browser send). The XSRF cookie lets transmit-client
   * and fetch() send `X-XSRF-TOKEN`.
   */
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) => {
      const url = ctx.request.url()
      if (url.startsWith('/api/') || url.startsWith('/_site/')) return true
      return /^bearer\s/i.test(ctx.request.header('authorization') ?? '')
    },
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'SAMEORIGIN' },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
