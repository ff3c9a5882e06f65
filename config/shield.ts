import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  csp: { enabled: false, directives: {}, reportOnly: false },
  /**
   * CSRF protects the session-authenticated admin. The JSON API (bearer tokens), the public
   * visitor endpoints and gateway webhooks are exempt: they carry no session cookie to abuse.
   * The XSRF cookie lets transmit-client and fetch() send `X-XSRF-TOKEN`.
   */
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) => {
      const url = ctx.request.url()
      return url.startsWith('/api/') || url.startsWith('/_funil/') || url === '/__transmit/events'
    },
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'SAMEORIGIN' },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
