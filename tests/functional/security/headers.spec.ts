import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { buildShieldConfig } from '#config/shield'

/** `script-src 'self' 'nonce-…'` → { 'script-src': ["'self'", "'nonce-…'"] }. */
function directives(header: string | null) {
  const result: Record<string, string[]> = {}
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) result[name] = values
  }
  return result
}

/** Issue 11, item 10: the admin's response headers. */
test.group('Security headers', (group) => {
  freshDatabase(group)

  test('an admin page: nonce CSP that its own Vite scripts carry, no framing', async ({
    assert,
  }) => {
    const response = await fetch(`${serverUrl('localhost')}/login`)
    assert.equal(response.status, 200)
    const csp = directives(response.headers.get('content-security-policy'))

    const nonce = csp['script-src'].find((value) => value.startsWith("'nonce-"))
    assert.exists(nonce, 'script-src has a per-request nonce')
    assert.notInclude(csp['script-src'], "'unsafe-inline'")
    assert.notInclude(csp['script-src'], "'unsafe-eval'")
    assert.deepEqual(csp['frame-ancestors'], ["'none'"])
    assert.deepEqual(csp['object-src'], ["'none'"])
    assert.deepEqual(csp['base-uri'], ["'self'"])
    assert.deepEqual(csp['form-action'], ["'self'"])

    /** Every script tag of the page carries that nonce, so the page runs under the policy. */
    const html = await response.text()
    const scripts = html.match(/<script\b[^>]*>/g) ?? []
    assert.isAbove(scripts.length, 0)
    const value = nonce!.slice("'nonce-".length, -1)
    for (const tag of scripts) {
      if (/type="application\/json"/.test(tag)) continue
      assert.include(tag, `nonce="${value}"`, tag)
    }

    const again = directives(
      (await fetch(`${serverUrl('localhost')}/login`)).headers.get('content-security-policy')
    )
    assert.notDeepEqual(again['script-src'], csp['script-src'], 'a new nonce per response')

    assert.equal(response.headers.get('x-frame-options'), 'DENY')
    assert.equal(response.headers.get('referrer-policy'), 'same-origin')
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
    assert.isNull(response.headers.get('strict-transport-security'), 'no HSTS outside production')
  })

  test('the API: no referrer, no sniffing', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const response = await fetch(`${serverUrl('localhost')}/api/workspace`, {
      headers: { authorization: `Bearer ${await apiToken(owner, workspace)}` },
    })
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer')
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
  })

  test('HSTS is on in production (a year), off elsewhere; cookies Secure in production', ({
    assert,
  }) => {
    const production = buildShieldConfig({ production: true })
    assert.isTrue(production.hsts.enabled)
    assert.equal(production.hsts.maxAge, '365 days')
    assert.isTrue(production.csrf.cookieOptions?.secure)
    assert.deepEqual(production.csp.directives?.connectSrc, ["'self'"])

    const development = buildShieldConfig({ production: false })
    assert.isFalse(development.hsts.enabled)
    assert.isFalse(development.csrf.cookieOptions?.secure)
  })
})
