import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import ResolveFunnelPage from '#actions/public/resolve_funnel_page'
import { route } from '#tests/helpers/routes'

/** A branded page: our markup, the title's kind and language, never the framework's debug page. */
function assertBranded(
  assert: any,
  response: { status: number; body: string; headers: Record<string, any> },
  expected: { status: number; kind: string; lang: string; title: string }
) {
  assert.equal(response.status, expected.status)
  assert.include(String(response.headers['content-type']), 'text/html')
  assert.include(response.body, `lang="${expected.lang}"`)
  assert.include(response.body, `data-kind="${expected.kind}"`)
  assert.include(response.body, expected.title)
  assert.notInclude(response.body, '_site')
  assert.notInclude(response.body, 'Cannot GET')
  assert.notInclude(response.body.toLowerCase(), 'youch')
  assert.notInclude(response.body, 'node_modules')
}

test.group('Error pages: public funnel hosts', (group) => {
  freshDatabase(group)

  test('unknown host, bare workspace address, unknown and archived funnel', async ({ assert }) => {
    const { workspace } = await createTenant({ workspaceSlug: 'acme' })
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      slug: 'oferta',
      isActive: true,
    }).create()
    await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      orderIndex: 0,
      isActive: true,
    }).create()

    assertBranded(assert, await siteRequest('ninguem.localhost', '/'), {
      status: 404,
      kind: 'unknown_host',
      lang: 'pt-BR',
      title: 'Site não encontrado',
    })
    assertBranded(
      assert,
      await siteRequest('ninguem.localhost', '/qualquer', {
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      }),
      { status: 404, kind: 'unknown_host', lang: 'en', title: 'Site not found' }
    )
    assertBranded(assert, await siteRequest('acme.localhost', '/'), {
      status: 404,
      kind: 'home',
      lang: 'pt-BR',
      title: 'Nada por aqui ainda',
    })
    assertBranded(assert, await siteRequest('acme.localhost', '/nao-existe'), {
      status: 404,
      kind: 'not_found',
      lang: 'pt-BR',
      title: 'Página não encontrada',
    })
    assertBranded(assert, await siteRequest('acme.localhost', '/oferta/a/b/c'), {
      status: 404,
      kind: 'not_found',
      lang: 'pt-BR',
      title: 'Página não encontrada',
    })
    await funnel.merge({ archivedAt: DateTime.now() }).save()
    assertBranded(assert, await siteRequest('acme.localhost', '/oferta'), {
      status: 404,
      kind: 'not_found',
      lang: 'pt-BR',
      title: 'Página não encontrada',
    })
  })

  test('a server error on a funnel page is a branded 500 without a stack trace', async ({
    assert,
    cleanup,
  }) => {
    await createTenant({ workspaceSlug: 'acme' })
    const original = ResolveFunnelPage.handle
    ResolveFunnelPage.handle = async () => {
      throw new Error('boom at /srv/app/secret.ts')
    }
    cleanup(() => {
      ResolveFunnelPage.handle = original
    })
    const response = await siteRequest('acme.localhost', '/oferta')
    assertBranded(assert, response, {
      status: 500,
      kind: 'server_error',
      lang: 'pt-BR',
      title: 'Algo deu errado',
    })
    assert.notInclude(response.body, 'boom')
    assert.equal(response.headers['cache-control'], 'no-store')
  })
})

test.group('Error pages: admin', (group) => {
  freshDatabase(group)

  test('unknown page 404, a page the role may not open 403, both branded', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const missing = await asInertia(client.get('/w/nope/nada/aqui').loginAs(owner))
    missing.assertStatus(404)
    assert.equal(missing.body().component, 'errors/not_found')

    const editor = await workspaceMember(workspace, 'editor')
    const forbidden = await asInertia(
      client
        .get(route('w.rejected_events.index', { workspaceSlug: workspace.slug }))
        .loginAs(editor)
    )
    forbidden.assertStatus(403)
    assert.equal(forbidden.body().component, 'errors/forbidden')

    const full = await client
      .get(route('w.rejected_events.index', { workspaceSlug: workspace.slug }))
      .loginAs(editor)
    full.assertStatus(403)
    assert.include(full.text(), '"component":"errors\\/forbidden"')
  })

  test('a plain form sent after the session expired: a page saying so, with a way to sign in', async ({
    client,
    assert,
  }) => {
    const { agency } = await createTenant()
    // The tab stayed open past the session's life: the cookie (and its CSRF secret) is gone.
    const response = await client
      .post(route('workspaces.store'))
      .form({ agencyId: agency.id, name: 'Depois', slug: 'depois' })
      .header('accept', 'text/html')
      .redirects(0)
    response.assertStatus(419)
    assert.include(response.text(), '"component":"errors\\/session_expired"')
    assert.include(response.text(), '"loginUrl":"\\/login"')
  })
})
