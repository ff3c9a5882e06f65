import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { BrowserSession } from '#tests/helpers/browser_session'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { ServerProcess } from '#tests/helpers/server_process'
import DeactivateUser from '#actions/auth/deactivate_user'
import ChangePassword from '#actions/auth/change_password'
import RevokeUserAccess from '#actions/auth/revoke_user_access'
import { route } from '#tests/helpers/routes'

/**
 * A web server of its own with the production session store (Redis): the main test server keeps
 * sessions in memory because japa's `loginAs` writes only there.
 */
const server = new ServerProcess({ SESSION_DRIVER: 'redis' })
const browserSession = () => new BrowserSession(server.url)

/** Status of `GET /api/auth/me` with a token. */
async function tokenStatus(token: string) {
  const response = await fetch(`${server.url}/api/auth/me`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return response.status
}

/** Redis keys holding session data (the store keys them by session id, a UUID). */
async function sessionKeys() {
  const keys = await redis.keys('*')
  return keys.filter((key) => /^[0-9a-f-]{36}$/.test(key))
}

/**
 * Issue 11, item 5: sessions live on the server (Redis) and end there: logout, deactivation and
 * a password change each make a cookie copied beforehand worthless.
 */
test.group('Sessions that end', (group) => {
  freshDatabase(group)
  group.setup(async () => {
    await server.start()
    return () => server.stop()
  })

  test('sessions are kept in Redis: the cookie holds only an id', async ({ assert }) => {
    const { owner } = await createTenant()
    const before = await sessionKeys()
    const browser = await browserSession().login(owner.email, FACTORY_PASSWORD)
    const created = (await sessionKeys()).filter((key) => !before.includes(key))
    assert.lengthOf(created, 1)
    const stored = await redis.get(created[0])
    assert.include(stored!, `${owner.id}:`, 'the session data, user and version, is in Redis')
    assert.notInclude(decodeURIComponent(browser.cookies.get('funil-session')!), `${owner.id}:`)
  })

  test('logout ends the session on the server: a copied cookie no longer works', async ({
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const browser = await browserSession().login(owner.email, FACTORY_PASSWORD)
    const copied = browser.snapshot()
    assert.isTrue(await browser.isSignedIn(copied))
    const keysBefore = await sessionKeys()

    const logout = await browser.post(
      route('session.destroy'),
      {},
      { 'x-xsrf-token': browser.xsrfToken! }
    )
    assert.equal(logout.status, 302)
    assert.equal(logout.headers.get('location'), route('session.create'))

    /** Checked before anything replays the old id (the store would start an empty one). */
    assert.lengthOf(
      (await sessionKeys()).filter((key) => keysBefore.includes(key)),
      keysBefore.length - 1,
      'the session was deleted from Redis'
    )
    assert.isFalse(await browser.isSignedIn(copied), 'the copied cookie is signed out')
    assert.isFalse(await browser.isSignedIn(), 'and so is the browser that logged out')

    /** The copied cookie cannot write either (no session → no CSRF secret, no user). */
    const replay = await browser.request(
      route('w.webhooks.index', { workspaceSlug: workspace.slug }),
      {
        jar: copied,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept': 'application/json',
          'x-xsrf-token': decodeURIComponent(copied.get('XSRF-TOKEN')!),
        },
        body: JSON.stringify({ name: 'x', url: 'https://x.example.com', events: ['payment.paid'] }),
      }
    )
    assert.oneOf(replay.status, [302, 401, 403])
    assert.notEqual(
      replay.headers.get('location'),
      route('w.webhooks.index', { workspaceSlug: workspace.slug })
    )
    const [{ count }] = await db.from('webhook_endpoints').count('* as count')
    assert.equal(Number(count), 0)
  })

  test('deactivating a user ends its sessions and API tokens at once', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const laptop = await browserSession().login(owner.email, FACTORY_PASSWORD)
    const phone = await browserSession().login(owner.email, FACTORY_PASSWORD)
    const token = await apiToken(owner, workspace)
    assert.equal(await tokenStatus(token), 200)

    await DeactivateUser.handle(owner)

    assert.isFalse(await laptop.isSignedIn())
    assert.isFalse(await phone.isSignedIn())
    assert.equal(await tokenStatus(token), 401)
    const [{ count }] = await db
      .from('auth_access_tokens')
      .where('tokenable_id', owner.id)
      .count('* as count')
    assert.equal(Number(count), 0, 'the tokens are deleted, not just refused')
    await assert.rejects(() => browserSession().login(owner.email, FACTORY_PASSWORD))
  })

  test('a deactivated user is refused even if its version was not bumped', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const browser = await browserSession().login(owner.email, FACTORY_PASSWORD)
    const token = await apiToken(owner, workspace)
    await db.from('users').where('id', owner.id).update({ is_active: false })
    assert.isFalse(await browser.isSignedIn())
    assert.equal(await tokenStatus(token), 401)
  })

  test('changing the password ends the other sessions and the tokens; the new one logs in', async ({
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await browserSession().login(owner.email, FACTORY_PASSWORD)
    const token = await apiToken(owner, workspace)

    await ChangePassword.handle({ user: owner, password: 'uma-senha-nova-123' })

    assert.isFalse(await other.isSignedIn())
    assert.equal(await tokenStatus(token), 401)
    await assert.rejects(() => browserSession().login(owner.email, FACTORY_PASSWORD))
    const fresh = await browserSession().login(owner.email, 'uma-senha-nova-123')
    assert.isTrue(await fresh.isSignedIn())
  })

  test("revoking one user leaves another user's sessions alone", async ({ assert }) => {
    const a = await createTenant()
    const b = await createTenant()
    const browserA = await browserSession().login(a.owner.email, FACTORY_PASSWORD)
    const browserB = await browserSession().login(b.owner.email, FACTORY_PASSWORD)
    const tokenB = await apiToken(b.owner, b.workspace)

    const result = await RevokeUserAccess.handle(a.owner)
    assert.equal(result.sessionVersion, 1)

    assert.isFalse(await browserA.isSignedIn())
    assert.isTrue(await browserB.isSignedIn())
    assert.equal(await tokenStatus(tokenB), 200)
  })
})
