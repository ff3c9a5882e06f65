import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { BrowserSession } from '#tests/helpers/browser_session'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { appUrl } from '#config/app'
import { route } from '#tests/helpers/routes'

const HOOK = {
  name: 'Exfiltração',
  url: 'https://attacker.example.com/in',
  events: ['payment.paid'],
}

async function webhookCount(workspaceId: number) {
  const [{ count }] = await db
    .from('webhook_endpoints')
    .where('workspace_id', workspaceId)
    .count('* as count')
  return Number(count)
}

/**
 * Issue 11, item 1: what the admin's session cookie lets a page do when the browser attaches it
 * on its own. Each test signs in through the real login form and then replays the cookie as a
 * page of another origin would make the browser send it.
 */
test.group('No ambient authority: /api/* never reads the session cookie', (group) => {
  freshDatabase(group)

  test('the session cookie does not authenticate /api/*, with or without a CSRF token', async ({
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const browser = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    assert.isTrue(await browser.isSignedIn(), 'the cookie does sign the admin in')

    const me = await browser.request(route('api.auth.me'), {
      headers: { accept: 'application/json' },
    })
    assert.equal(me.status, 401)
    const list = await browser.request(route('api.funnels.index'), {
      headers: { 'x-workspace': workspace.slug },
    })
    assert.equal(list.status, 401)

    /** Even the admin's own CSRF token does not make the cookie count on the API. */
    const withToken = await browser.request(route('api.auth.me'), {
      headers: { 'x-xsrf-token': browser.xsrfToken! },
    })
    assert.equal(withToken.status, 401)

    const extras: Record<string, string>[] = [
      {},
      { 'x-xsrf-token': browser.xsrfToken! },
      { authorization: 'Bearer x' },
    ]
    for (const extra of extras) {
      const hook = await browser.post(route('api.webhooks.store'), HOOK, {
        'x-workspace': workspace.slug,
        ...extra,
      })
      assert.equal(hook.status, 401)
    }
    assert.equal(await webhookCount(workspace.id), 0)
  })

  test('/api/* answers without touching the session: no Set-Cookie', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const browser = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const response = await browser.request(route('api.workspace.show'), {
      headers: { authorization: `Bearer ${await apiToken(owner, workspace)}` },
    })
    assert.equal(response.status, 200)
    assert.deepEqual(response.headers.getSetCookie(), [])
  })

  test('a bearer token works on /api/* whatever cookie comes along', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const browser = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const hook = await browser.post(route('api.webhooks.store'), HOOK, {
      authorization: `Bearer ${token}`,
    })
    assert.equal(hook.status, 201)
    assert.equal(await webhookCount(workspace.id), 1)
  })
})

test.group('No ambient authority: admin writes need the CSRF token', (group) => {
  freshDatabase(group)

  test('a cookie-authenticated write without the token is refused, bogus bearer or not', async ({
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const browser = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const path = route('w.webhooks.index', { workspaceSlug: workspace.slug })

    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer bogus' },
      { authorization: `Bearer ${await apiToken(owner, workspace)}` },
      { 'x-xsrf-token': 'forged' },
    ]
    for (const headers of attempts) {
      const response = await browser.post(path, HOOK, headers)
      assert.equal(response.status, 403, JSON.stringify(headers))
      const body = (await response.json()) as { errors: Array<{ rule: string }> }
      assert.equal(body.errors[0].rule, 'csrf')
    }

    /** A classic cross-site form post (urlencoded, no header at all). */
    const form = await browser.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x&url=https%3A%2F%2Fattacker.example.com%2Fin&events%5B%5D=payment.paid',
    })
    assert.notEqual(form.status, 200)
    assert.equal(await webhookCount(workspace.id), 0)

    /** Control: the admin's own page, which can read the XSRF cookie, gets through. */
    const own = await browser.post(path, HOOK, { 'x-xsrf-token': browser.xsrfToken! })
    assert.equal(own.status, 302)
    assert.equal(await webhookCount(workspace.id), 1)
  })

  test('a bearer token does not authenticate admin routes', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const response = await fetch(`${serverUrl('localhost')}/w/${workspace.slug}/webhooks`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'authorization': `Bearer ${await apiToken(owner, workspace)}`,
        'content-type': 'application/json',
        'accept': 'application/json',
      },
      body: JSON.stringify(HOOK),
    })
    assert.oneOf(response.status, [401, 403])
    assert.equal(await webhookCount(workspace.id), 0)
  })

  test('Transmit: the session cookie with a bearer header still needs the CSRF token', async ({
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const browser = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const cookie = browser.cookieHeader()

    /** The page's own stream (the cookie alone opens it)… */
    const stream = new SseClient(serverUrl('localhost'), { cookie })
    await stream.connect()
    try {
      /** …but a subscribe with the cookie and a bogus bearer, without the CSRF token, is refused. */
      const borrowed = await fetch(`${serverUrl('localhost')}/__transmit/subscribe`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'accept': 'application/json',
          cookie,
          'authorization': 'Bearer bogus',
        },
        body: JSON.stringify({ uid: stream.uid, channel: `workspaces/${workspace.id}` }),
      })
      assert.notEqual(borrowed.status, 204)
      assert.isAtLeast(borrowed.status, 300)
    } finally {
      stream.close()
    }

    /** With the page's own token (what transmit-client sends) the member subscribes. */
    const own = new SseClient(serverUrl('localhost'), {
      cookie,
      'x-xsrf-token': browser.xsrfToken!,
    })
    await own.connect()
    try {
      assert.equal(await own.subscribe(`workspaces/${workspace.id}`), 204)
    } finally {
      own.close()
    }
  })

  test('Transmit: a request with a bearer token is judged by the token, not the cookie', async ({
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const intruder = await createTenant()
    const browser = await new BrowserSession().login(owner.email, FACTORY_PASSWORD)
    const headers = {
      'cookie': browser.cookieHeader(),
      'x-xsrf-token': browser.xsrfToken!,
      'authorization': `Bearer ${await apiToken(intruder.owner, null)}`,
    }
    const sse = new SseClient(serverUrl('localhost'), headers)
    await sse.connect()
    try {
      /** The owner's cookie and CSRF token ride along, but the token's user is not a member. */
      assert.notEqual(await sse.subscribe(`workspaces/${workspace.id}`), 204)
      assert.equal(await sse.subscribe(`workspaces/${intruder.workspace.id}`), 204)
    } finally {
      sse.close()
    }
  })
})

test.group('CORS: credentials for nobody, the API for any origin by token', (group) => {
  freshDatabase(group)

  const preflight = (path: string, origin: string, headers = 'authorization,content-type') =>
    fetch(`${serverUrl('localhost')}${path}`, {
      method: 'OPTIONS',
      headers: {
        'origin': origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': headers,
      },
    })

  test('a foreign origin gets token-only CORS on /api and none on the admin', async ({
    assert,
  }) => {
    const foreign = 'http://acme.localhost:3333'
    const api = await preflight(route('api.webhooks.index'), foreign)
    assert.equal(api.headers.get('access-control-allow-origin'), '*')
    assert.isNull(api.headers.get('access-control-allow-credentials'))

    const admin = await preflight(
      route('w.webhooks.index', { workspaceSlug: 'acme' }),
      foreign,
      'content-type,x-xsrf-token'
    )
    assert.isNull(admin.headers.get('access-control-allow-origin'))
    assert.isNull(admin.headers.get('access-control-allow-credentials'))

    const transmit = await preflight('/__transmit/subscribe', foreign, 'content-type')
    assert.isNull(transmit.headers.get('access-control-allow-origin'))

    const simple = await fetch(`${serverUrl('localhost')}/api/auth/me`, {
      headers: { origin: foreign },
    })
    assert.equal(simple.headers.get('access-control-allow-origin'), '*')
    assert.isNull(simple.headers.get('access-control-allow-credentials'))
  })

  test("the admin's own origin (APP_URL) is answered, still without credentials", async ({
    assert,
  }) => {
    const own = new URL(appUrl).origin
    const admin = await preflight(
      route('w.webhooks.index', { workspaceSlug: 'acme' }),
      own,
      'content-type,x-xsrf-token'
    )
    assert.equal(admin.headers.get('access-control-allow-origin'), own)
    assert.isNull(admin.headers.get('access-control-allow-credentials'))
  })
})
