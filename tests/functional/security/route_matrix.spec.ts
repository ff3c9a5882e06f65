import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { BrowserSession } from '#tests/helpers/browser_session'
import { serverUrl } from '#tests/helpers/server'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import DeactivateUser from '#actions/auth/deactivate_user'

interface Probe {
  method: string
  pattern: string
  middleware: string[]
  matchers: Record<string, { match?: RegExp }>
}

/** Every route of the admin domain (the public site's `/_site/*` has no session at all). */
function adminDomainRoutes(): Probe[] {
  const probes: Probe[] = []
  for (const route of Object.values(router.toJSON()).flat()) {
    if (route.pattern.startsWith('/_site')) continue
    const middleware = [...(route.middleware as any).all()].map((m: any) => m.name ?? '')
    for (const method of route.methods.filter((m) => m !== 'HEAD')) {
      probes.push({ method, pattern: route.pattern, middleware, matchers: route.matchers as any })
    }
  }
  return probes
}

/**
 * A concrete URL: the victim's workspace for slugs, otherwise the first of a few plausible values
 * the param's matcher accepts (`1` for ids, `workspace` for a kind…); optional params dropped.
 */
function urlOf(probe: Probe, slug: string) {
  return probe.pattern
    .replace(/\/:\w+\?/g, '')
    .replace(/:(\w+)/g, (_, name: string) => {
      if (/slug/i.test(name)) return slug
      const match = probe.matchers[name]?.match
      /** A closed list such as /^(logo|favicon)$/ offers its own first value. */
      const listed = match?.source.match(/^\^\(([\w|-]+)\)\$$/)?.[1].split('|') ?? []
      return (
        [...listed, '1', 'workspace', 'agency', 'x'].find((value) => !match || match.test(value)) ??
        '1'
      )
    })
    .replace(/\*/g, 'x')
}

const isApi = (probe: Probe) => probe.pattern === '/api' || probe.pattern.startsWith('/api/')
const isWrite = (probe: Probe) => !['GET', 'HEAD', 'OPTIONS'].includes(probe.method)

/** Status and redirect target: what a response tells its client. */
async function outcome(response: Response) {
  await response.arrayBuffer().catch(() => {})
  return `${response.status} ${response.headers.get('location') ?? ''}`.trim()
}

/**
 * Issue 11 "done when": every route of the admin domain, against the vectors of the browser
 * boundary — a borrowed cookie with a bearer header, the cookie on the API, copied cookies after
 * logout, a deactivated user, foreign origins. The route list comes from the router itself, so a
 * route added later is covered without touching this file.
 */
test.group('Security: every route against the browser-boundary vectors', (group) => {
  freshDatabase(group)

  test('no write authenticated by the cookie gets through without the CSRF token', async ({
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const browser = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const writes = adminDomainRoutes().filter((p) => isWrite(p) && !isApi(p))
    assert.isAbove(writes.length, 30)

    for (const probe of writes) {
      for (const authorization of ['Bearer bogus', `Bearer ${token}`, undefined]) {
        const response = await browser.request(urlOf(probe, workspace.slug), {
          method: probe.method,
          headers: {
            'accept': 'application/json',
            'content-type': 'application/json',
            ...(authorization ? { authorization } : {}),
          },
          body: '{}',
        })
        const label = `${probe.method} ${probe.pattern} (${authorization ?? 'no header'})`
        assert.equal(response.status, 403, label)
        const body = (await response.json()) as { errors: Array<{ rule: string }> }
        assert.equal(body.errors[0].rule, 'csrf', label)
      }
    }
    assert.isTrue(await browser.isSignedIn(), 'the session itself was valid all along')
  })

  test('no /api route accepts the session cookie, even with its CSRF token', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const browser = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const api = adminDomainRoutes().filter((p) => isApi(p) && p.middleware.includes('apiAuth'))
    assert.isAbove(api.length, 30)

    for (const probe of api) {
      const response = await browser.request(urlOf(probe, workspace.slug), {
        method: probe.method,
        headers: {
          'accept': 'application/json',
          'content-type': 'application/json',
          'x-workspace': workspace.slug,
          'x-xsrf-token': browser.xsrfToken!,
        },
        body: isWrite(probe) ? '{}' : undefined,
      })
      assert.equal(response.status, 401, `${probe.method} ${probe.pattern}`)
    }
  })

  test('a cookie copied before logout, or kept by a deactivated user, is worth nothing', async ({
    assert,
  }) => {
    const loggedOut = await createTenant()
    const deactivated = await createTenant()
    const first = await new BrowserSession().login(loggedOut.owner.email, FACTORY_PASSWORD)
    const second = await new BrowserSession().login(deactivated.owner.email, FACTORY_PASSWORD)
    const copied = first.snapshot()
    const kept = second.snapshot()
    const token = await apiToken(deactivated.owner, deactivated.workspace)

    await first.post('/logout', {}, { 'x-xsrf-token': first.xsrfToken! })
    await DeactivateUser.handle(deactivated.owner)

    const anonymous = new BrowserSession()
    const headersFor = (jar: Map<string, string>, slug: string) => ({
      'accept': 'application/json',
      'content-type': 'application/json',
      'x-workspace': slug,
      'x-xsrf-token': decodeURIComponent(jar.get('XSRF-TOKEN') ?? ''),
    })
    for (const probe of adminDomainRoutes()) {
      const body = isWrite(probe) ? '{}' : undefined

      /** Logged out: the session is gone, so the cookie and its token are a stranger's. */
      const path = urlOf(probe, loggedOut.workspace.slug)
      const init = {
        method: probe.method,
        headers: headersFor(copied, loggedOut.workspace.slug),
        body,
      }
      const expected = await outcome(await anonymous.request(path, { ...init, jar: new Map() }))
      const got = await outcome(await anonymous.request(path, { ...init, jar: copied }))
      assert.equal(got, expected, `after logout: ${probe.method} ${probe.pattern}`)

      /**
       * Deactivated: the session survives as an anonymous one (its CSRF token still checks), but
       * every route that needs a signed-in user sends it to the login.
       */
      if (probe.middleware.includes('auth')) {
        const response = await anonymous.request(urlOf(probe, deactivated.workspace.slug), {
          method: probe.method,
          headers: headersFor(kept, deactivated.workspace.slug),
          body,
          jar: kept,
        })
        assert.include(
          ['302 /login', '401'],
          await outcome(response),
          `deactivated: ${probe.method} ${probe.pattern}`
        )
      }
      if (isApi(probe) && probe.middleware.includes('apiAuth')) {
        const response = await fetch(`${serverUrl('localhost')}${urlOf(probe, 'x')}`, {
          method: probe.method,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        })
        assert.equal(response.status, 401, `deactivated token: ${probe.method} ${probe.pattern}`)
      }
    }
  })

  test('no route allows credentials to another origin; admin routes answer it nothing', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    for (const probe of adminDomainRoutes()) {
      const response = await fetch(`${serverUrl('localhost')}${urlOf(probe, workspace.slug)}`, {
        method: 'OPTIONS',
        headers: {
          'origin': `http://${workspace.slug}.localhost:1`,
          'access-control-request-method': probe.method,
          'access-control-request-headers': 'content-type,authorization,x-xsrf-token',
        },
      })
      const label = `${probe.method} ${probe.pattern}`
      assert.isNull(response.headers.get('access-control-allow-credentials'), label)
      const allowed = response.headers.get('access-control-allow-origin')
      if (isApi(probe)) assert.oneOf(allowed, ['*', null], label)
      else assert.isNull(allowed, label)
    }
  })
})
