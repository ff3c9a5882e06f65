import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { asInertia } from '#tests/helpers/inertia'
import IssueApiToken from '#actions/auth/issue_api_token'
import { route } from '#tests/helpers/routes'

test.group('Admin: API tokens of a workspace', (group) => {
  freshDatabase(group)

  test('creates a read-only token shown once; it reads but gets 403 on writes; full writes; revoke ends it', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const page = route('w.settings.api_tokens', { workspaceSlug: workspace.slug })

    const tokens: Record<string, string> = {}
    for (const access of ['read', 'full'] as const) {
      const created = await client
        .post(page)
        .form({ name: `Integração ${access}`, access })
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0)
      created.assertStatus(302)
      tokens[access] = String(created.flashMessages()?.apiToken ?? '')
      assert.isAbove(tokens[access].length, 20)
    }

    const list = await asInertia(client.get(page).loginAs(owner))
    const rows = list.body().props.tokens as any[]
    assert.sameMembers(
      rows.map((row) => `${row.name}:${row.readOnly}`),
      ['Integração read:true', 'Integração full:false']
    )
    /** The value is never listed again, only names and ids. */
    assert.notInclude(JSON.stringify(list.body().props), tokens.read)
    assert.isNull(list.body().props.newToken)

    const read = await client.get(route('api.funnels.index')).bearerToken(tokens.read)
    read.assertStatus(200)
    const write = await client
      .post(route('api.funnels.store'))
      .bearerToken(tokens.read)
      .json({ name: 'Nope' })
    write.assertStatus(403)
    assert.equal(write.body().errors[0].rule, 'token_read_only')
    const full = await client
      .post(route('api.funnels.store'))
      .bearerToken(tokens.full)
      .json({ name: 'Sim' })
    full.assertStatus(201)

    const readRow = rows.find((row) => row.readOnly)
    await client
      .delete(`${page}/${readRow.id}`)
      .loginAs(owner)
      .withCsrfToken()
      .redirects(0)
      .then((response) => response.assertStatus(302))
    const revoked = await client.get(route('api.funnels.index')).bearerToken(tokens.read)
    revoked.assertStatus(401)
  })

  test('another workspace’s token id or slug is a 404; viewers cannot create tokens', async ({
    client,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const theirs = await IssueApiToken.handle({ user: other.owner, workspace: other.workspace })

    for (const id of [String(theirs.identifier), 'abc', '999999']) {
      const response = await client
        .delete(route('w.settings.api_tokens.destroy', { workspaceSlug: workspace.slug, id }))
        .loginAs(owner)
        .withCsrfToken()
        .header('accept', 'application/json')
      response.assertStatus(404)
    }
    const foreignPage = await client
      .get(route('w.settings.api_tokens', { workspaceSlug: other.workspace.slug }))
      .loginAs(owner)
      .header('accept', 'application/json')
    foreignPage.assertStatus(404)

    /** A token of this user for another workspace is not revocable from this one. */
    const own = await IssueApiToken.handle({ user: owner, workspace: other.workspace })
    const fromHere = await client
      .delete(
        route('w.settings.api_tokens.destroy', {
          workspaceSlug: workspace.slug,
          id: String(own.identifier),
        })
      )
      .loginAs(owner)
      .withCsrfToken()
      .header('accept', 'application/json')
    fromHere.assertStatus(404)

    const viewer = await workspaceMember(workspace, 'viewer')
    const denied = await client
      .post(route('w.settings.api_tokens.store', { workspaceSlug: workspace.slug }))
      .form({ name: 'x', access: 'full' })
      .loginAs(viewer)
      .withCsrfToken()
      .header('accept', 'application/json')
    denied.assertStatus(403)
  })
})
