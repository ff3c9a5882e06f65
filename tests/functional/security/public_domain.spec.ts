import { test } from '@japa/runner'
import http from 'node:http'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { ServerProcess } from '#tests/helpers/server_process'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { route } from '#tests/helpers/routes'

/**
 * A production server (NODE_ENV=production) whose funnels live on their own registrable domain:
 * admin on APP_DOMAIN=localhost, funnels on `{slug}.{PUBLIC_DOMAIN}`.
 */
const PUBLIC_DOMAIN = 'funil-paginas.test'
const server = new ServerProcess(
  { APP_DOMAIN: 'localhost', PUBLIC_DOMAIN, SESSION_DRIVER: 'redis' },
  'production'
)

/** GET with a chosen Host header (fetch does not let a test set it). */
function get(host: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const request = http.get(
      `http://127.0.0.1:${server.port}${path}`,
      { headers: { host, ...headers } },
      (response) => {
        response.resume()
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers })
        )
      }
    )
    request.on('error', reject)
  })
}

async function publishedFunnel(slug: string) {
  const tenant = await createTenant({ workspaceSlug: slug })
  const funnel = await FunnelFactory.merge({
    workspaceId: tenant.workspace.id,
    slug: 'oferta',
  }).create()
  await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    slug: 'inscricao',
    orderIndex: 0,
    content: { headline: 'Aula grátis', fields: ['name', 'email'], buttonLabel: 'Quero' },
  }).create()
  await publish(funnel)
  return tenant
}

/** Issue 11, item 2. */
test.group('Funnels on their own domain; production cookies and headers', (group) => {
  freshDatabase(group)
  group.setup(async () => {
    await server.start()
    return () => server.stop()
  })

  test('funnels answer on {slug}.{PUBLIC_DOMAIN} only, never under the admin domain', async ({
    assert,
  }) => {
    await publishedFunnel('acme')
    assert.equal((await get(`acme.${PUBLIC_DOMAIN}`, '/oferta')).status, 200)
    /** JSON errors: this server has no Vite build to render the HTML error page with. */
    const json = { accept: 'application/json' }
    assert.equal((await get('acme.localhost', '/oferta', json)).status, 404)
    /** The admin stays on APP_DOMAIN; it is not reachable on the public domain. */
    assert.equal((await get(`acme.${PUBLIC_DOMAIN}`, route('session.create'), json)).status, 404)
    assert.equal(
      (await get('localhost', route('session.create'), { 'x-inertia': 'true' })).status,
      409
    )
  })

  test('admin cookies: host-only, Secure, HttpOnly session, SameSite=Lax, __Host- name', async ({
    assert,
  }) => {
    const response = await get('localhost', route('session.create'), { 'x-inertia': 'true' })
    const cookies = response.headers['set-cookie'] ?? []
    const session = cookies.find((c) => c.startsWith('__Host-funil-session='))
    const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))
    assert.exists(session, cookies.join('\n'))
    assert.exists(xsrf)
    for (const cookie of [session!, xsrf!]) {
      assert.match(cookie, /;\s*Secure/i)
      assert.match(cookie, /;\s*SameSite=Lax/i)
      assert.match(cookie, /;\s*Path=\//i)
      assert.notMatch(cookie, /;\s*Domain=/i, 'host-only: no Domain attribute')
    }
    assert.match(session!, /;\s*HttpOnly/i)
    assert.notMatch(xsrf!, /;\s*HttpOnly/i, 'the page must read it to send X-XSRF-TOKEN')

    assert.match(String(response.headers['strict-transport-security']), /max-age=31536000/)
  })

  test('funnel pages set no admin cookie', async ({ assert }) => {
    await publishedFunnel('beta')
    const page = await get(`beta.${PUBLIC_DOMAIN}`, '/oferta')
    assert.equal(page.status, 200)
    const names = (page.headers['set-cookie'] ?? []).map((c) => c.split('=')[0])
    assert.notInclude(names, '__Host-funil-session')
    assert.notInclude(names, 'XSRF-TOKEN')
  })
})
