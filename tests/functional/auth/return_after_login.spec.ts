import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { BrowserSession } from '#tests/helpers/browser_session'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { INTENDED_URL, isSafeRelativePath } from '#services/intended_url'
import { route } from '#tests/helpers/routes'

/** Issue 20 item 3: an expired session sends the user back to the page they were on. */
test.group('Auth: back to the interrupted page after login', (group) => {
  freshDatabase(group)

  test('a signed-out visit to a funnel page lands back on it after login', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const page = route(
      'w.funnels.show',
      { workspaceSlug: workspace.slug, id: funnel.id },
      { qs: { tab: 'steps' } }
    )
    const browser = new BrowserSession()
    /** The login form first, as a browser would have it open (assets version learnt). */
    await browser.request(route('session.create'))

    const guest = await browser.request(page)
    assert.equal(guest.status, 302)
    assert.match(guest.headers.get('location')!, /^\/login/)

    await browser.request(route('session.create'))
    const login = await browser.post(
      route('session.store'),
      { email: owner.email, password: FACTORY_PASSWORD },
      { 'x-xsrf-token': browser.xsrfToken! }
    )
    assert.equal(login.status, 302)
    assert.equal(login.headers.get('location'), page)
    const back = await browser.request(page)
    assert.equal(back.status, 200)
    assert.equal(((await back.json()) as any).props.funnel.id, funnel.id)
  })

  test('the stored page is used once; a plain login goes home', async ({ assert }) => {
    const { owner, workspace } = await createTenant()
    const browser = new BrowserSession()
    await browser.request(route('session.create'))
    await browser.request(route('w.dashboard', { workspaceSlug: workspace.slug }))
    await browser.login(owner.email, FACTORY_PASSWORD)
    await browser.request(route('session.destroy'), {
      method: 'POST',
      headers: { 'x-xsrf-token': browser.xsrfToken!, 'accept': 'application/json' },
    })
    await browser.request(route('session.create'))
    const again = await browser.post(
      route('session.store'),
      { email: owner.email, password: FACTORY_PASSWORD },
      { 'x-xsrf-token': browser.xsrfToken! }
    )
    assert.equal(again.headers.get('location'), '/')
  })

  for (const evil of ['//evil.com', 'https://evil.com', '/\\evil.com', 'javascript:alert(1)']) {
    test(`a stored "${evil}" is not followed: login goes to /`, async ({ client }) => {
      const { owner } = await createTenant()
      const response = await client
        .post(route('session.store'))
        .withSession({ [INTENDED_URL]: evil })
        .withCsrfToken()
        .form({ email: owner.email, password: FACTORY_PASSWORD })
        .redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', '/')
    })
  }

  test('only same-site paths pass the guard', ({ assert }) => {
    assert.isTrue(
      isSafeRelativePath(
        route('w.funnels.show', { workspaceSlug: 'acme', id: 3 }, { qs: { tab: 'steps' } })
      )
    )
    for (const bad of [
      '//evil.com',
      'https://evil.com',
      '/\\evil.com',
      'evil.com',
      '/a\nb',
      '',
      null,
    ]) {
      assert.isFalse(isSafeRelativePath(bad), String(bad))
    }
  })
})
