import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#models/user'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { WorkspaceFactory } from '#database/factories/workspace_factory'
import { SmtpCatcher, linkIn, pathOf } from '#tests/helpers/smtp_catcher'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { route } from '#tests/helpers/routes'

test.group('Accounts: team and invitations', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })
  group.each.setup(() => {
    catcher.messages = []
  })

  test('a client invited to one workspace creates an account from the link and sees only that workspace', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    const other = await WorkspaceFactory.merge({ agencyId: agency.id }).create()

    const invited = await client
      .post(route('team.invite', { workspaceSlug: workspace.slug }))
      .header('referer', route('team.index', { workspaceSlug: workspace.slug }))
      .json({ email: 'Cliente@Loja.test', role: 'viewer', workspaceIds: [workspace.id] })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    invited.assertStatus(302)
    invited.assertFlashMessage('success', 'Convite enviado para cliente@loja.test.')

    const mail = await catcher.waitFor('cliente@loja.test')
    assert.include(mail.subject, 'convidou você')
    assert.include(mail.text, workspace.name)
    assert.include(mail.text, 'Leitor')
    const link = pathOf(linkIn(mail, '/invitations/'))
    const stored = await db.from('invitations').firstOrFail()
    assert.notInclude(link, stored.token_hash)

    const page = await asInertia(client.get(link))
    assert.equal(page.body().component, 'auth/accept_invitation')
    assert.isFalse(page.body().props.hasAccount)
    assert.deepEqual(page.body().props.invitation.workspaces, [workspace.name])

    const weak = await client
      .post(link)
      .header('accept', 'application/json')
      .json({ name: 'Cliente', password: 'curta' })
      .withCsrfToken()
    weak.assertStatus(422)

    const accepted = await client
      .post(link)
      .form({ name: 'Cliente da Loja', password: 'senha-cliente-1' })
      .withCsrfToken()
      .redirects(0)
    accepted.assertStatus(302)
    accepted.assertHeader('location', route('w.dashboard', { workspaceSlug: workspace.slug }))
    const user = await User.findByOrFail('email', 'cliente@loja.test')
    assert.isNotNull(user.emailVerifiedAt)

    const login = await client
      .post(route('api.auth.login'))
      .json({ email: 'cliente@loja.test', password: 'senha-cliente-1' })
    login.assertStatus(200)
    const mine = await client
      .get(route('api.workspace.show'))
      .bearerToken(login.body().token)
      .header('x-workspace', workspace.slug)
    mine.assertStatus(200)
    assert.equal(mine.body().workspace?.role ?? mine.body().role ?? 'viewer', 'viewer')
    const notMine = await client
      .get(route('api.workspace.show'))
      .bearerToken(login.body().token)
      .header('x-workspace', other.slug)
    notMine.assertStatus(404)

    /** Used once. */
    const again = await asInertia(client.get(link))
    assert.equal(again.body().component, 'auth/link_invalid')
  })

  test('an existing account accepts an agency invitation with its password, or signed in', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    const { owner: outsider } = await createTenant()
    await client
      .post(route('team.invite', { workspaceSlug: workspace.slug }))
      .json({ email: outsider.email, role: 'editor' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    const link = pathOf(linkIn(await catcher.waitFor(outsider.email), '/invitations/'))
    const page = await asInertia(client.get(link))
    assert.isTrue(page.body().props.hasAccount)

    const wrong = await client
      .post(link)
      .header('referer', link)
      .form({ password: 'errada' })
      .withCsrfToken()
      .redirects(0)
    assert.property(wrong.flashMessages().inputErrorsBag, 'password')
    assert.isNull(
      await db.from('agency_members').where({ agency_id: agency.id, user_id: outsider.id }).first()
    )

    /** Signed in as someone else: refused, nothing attached. */
    const intruder = await agencyMember(agency, 'viewer')
    const otherUser = await client
      .post(link)
      .header('referer', link)
      .withCsrfToken()
      .loginAs(intruder)
      .redirects(0)
    assert.match(String(otherUser.flashMessages().error), /Este convite é para/)

    const accepted = await client.post(link).withCsrfToken().loginAs(outsider).redirects(0)
    accepted.assertStatus(302)
    const row = await db
      .from('agency_members')
      .where({ agency_id: agency.id, user_id: outsider.id })
      .firstOrFail()
    assert.equal(row.role, 'editor')
  })

  test('a removed member loses the workspace at once, including an API token bound to it', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    const editor = await agencyMember(agency, 'editor')
    const token = await apiToken(editor, workspace)
    ;(await client.get(route('api.workspace.show')).bearerToken(token)).assertStatus(200)
    const member = await db.from('agency_members').where('user_id', editor.id).firstOrFail()

    const removed = await client
      .delete(
        route('team.members.destroy', {
          workspaceSlug: workspace.slug,
          kind: 'agency',
          id: member.id,
        })
      )
      .header('referer', route('team.index', { workspaceSlug: workspace.slug }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    removed.assertStatus(302)
    removed.assertFlashMessage('success', 'Acesso removido.')
    ;(await client.get(route('api.workspace.show')).bearerToken(token)).assertStatus(401)
    /** The session they had is over; signing in again, the workspace is a 404. */
    const oldSession = await client
      .get(route('w.dashboard', { workspaceSlug: workspace.slug }))
      .loginAs(editor)
      .redirects(0)
    oldSession.assertStatus(302)
    oldSession.assertHeader('location', route('session.create'))
    const refreshed = await User.findOrFail(editor.id)
    assert.isAbove(refreshed.sessionVersion, editor.sessionVersion ?? 0)
    const fresh = await client
      .get(route('w.dashboard', { workspaceSlug: workspace.slug }))
      .loginAs(refreshed)
      .redirects(0)
    fresh.assertStatus(404)
  })

  test('roles change; the last owner can be neither demoted nor removed, nor leave', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    const clientLogin = await workspaceMember(workspace, 'viewer')
    const wm = await db.from('workspace_members').where('user_id', clientLogin.id).firstOrFail()
    const changed = await client
      .put(
        route('team.members.update', {
          workspaceSlug: workspace.slug,
          kind: 'workspace',
          id: wm.id,
        })
      )
      .json({ role: 'editor' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    changed.assertStatus(302)
    assert.equal((await db.from('workspace_members').where('id', wm.id).first()).role, 'editor')

    const ownerRow = await db.from('agency_members').where('user_id', owner.id).firstOrFail()
    for (const request of [
      client
        .put(route('api.team.members.update', { kind: 'agency', id: ownerRow.id }))
        .json({ role: 'admin' }),
      client.delete(route('api.team.members.destroy', { kind: 'agency', id: ownerRow.id })),
    ]) {
      const response = await request.bearerToken(await apiToken(owner, workspace))
      response.assertStatus(409)
      assert.equal(response.body().errors[0].rule, 'last_owner')
    }
    const leave = await client
      .delete(
        route('team.members.destroy', {
          workspaceSlug: workspace.slug,
          kind: 'agency',
          id: ownerRow.id,
        })
      )
      .header('referer', route('team.index', { workspaceSlug: workspace.slug }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    assert.match(String(leave.flashMessages().error), /único proprietário/)
    assert.equal((await db.from('agency_members').where('id', ownerRow.id).first()).role, 'owner')

    /** With a second owner, the first may go. */
    const second = await agencyMember(agency, 'owner')
    const ok = await client
      .delete(route('api.team.members.destroy', { kind: 'agency', id: ownerRow.id }))
      .bearerToken(await apiToken(second, workspace))
    ok.assertStatus(204)
  })

  test('admins cannot touch owners or invite owners; editors and viewers cannot manage the team', async ({
    client,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    const admin = await agencyMember(agency, 'admin')
    const editor = await agencyMember(agency, 'editor')
    const ownerRow = await db.from('agency_members').where('user_id', owner.id).firstOrFail()
    const adminToken = await apiToken(admin, workspace)

    ;(
      await client
        .put(route('api.team.members.update', { kind: 'agency', id: ownerRow.id }))
        .json({ role: 'viewer' })
        .bearerToken(adminToken)
    ).assertStatus(403)
    ;(
      await client
        .post(route('api.team.invite'))
        .json({ email: 'x@y.test', role: 'owner' })
        .bearerToken(adminToken)
    ).assertStatus(403)
    const byAdmin = await client
      .post(route('api.team.invite'))
      .json({ email: 'x@y.test', role: 'admin' })
      .bearerToken(adminToken)
    byAdmin.assertStatus(201)

    const editorToken = await apiToken(editor, workspace)
    ;(
      await client
        .post(route('api.team.invite'))
        .json({ email: 'z@y.test', role: 'viewer' })
        .bearerToken(editorToken)
    ).assertStatus(403)
    const list = await client.get(route('api.team.index')).bearerToken(editorToken)
    list.assertStatus(200)
    assert.lengthOf(list.body().members, 3)
    assert.lengthOf(list.body().invitations, 1)

    const page = await asInertia(
      client.get(route('team.index', { workspaceSlug: workspace.slug })).loginAs(editor)
    )
    assert.equal(page.body().component, 'team/index')
    assert.isFalse(page.body().props.can.manage)
  })

  test("another agency's members, invitations and workspaces are a 404", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const {
      agency: otherAgency,
      owner: otherOwner,
      workspace: otherWorkspace,
    } = await createTenant()
    const stranger = await agencyMember(otherAgency, 'editor')
    const strangerRow = await db.from('agency_members').where('user_id', stranger.id).firstOrFail()
    const strangerClient = await workspaceMember(otherWorkspace, 'viewer')
    const strangerWm = await db
      .from('workspace_members')
      .where('user_id', strangerClient.id)
      .firstOrFail()
    await client
      .post(route('api.team.invite'))
      .json({ email: 'alguem@outra.test', role: 'viewer' })
      .bearerToken(await apiToken(otherOwner, otherWorkspace))
    const invitation = await db.from('invitations').firstOrFail()
    const token = await apiToken(owner, workspace)

    for (const request of [
      client
        .put(route('api.team.members.update', { kind: 'agency', id: strangerRow.id }))
        .json({ role: 'viewer' }),
      client.delete(route('api.team.members.destroy', { kind: 'agency', id: strangerRow.id })),
      client
        .put(route('api.team.members.update', { kind: 'workspace', id: strangerWm.id }))
        .json({ role: 'editor' }),
      client.delete(route('api.team.members.destroy', { kind: 'workspace', id: strangerWm.id })),
      client.delete(route('api.team.invitations.revoke', { id: invitation.id })),
      client
        .post(route('api.team.invite'))
        .json({ email: 'a@b.test', role: 'viewer', workspaceIds: [otherWorkspace.id] }),
    ]) {
      const response = await request.bearerToken(token)
      response.assertStatus(404)
    }
    const admin = await client
      .delete(
        route('team.members.destroy', {
          workspaceSlug: workspace.slug,
          kind: 'agency',
          id: strangerRow.id,
        })
      )
      .withCsrfToken()
      .loginAs(owner)
    admin.assertStatus(404)
    const foreignPage = await client
      .get(route('team.index', { workspaceSlug: otherWorkspace.slug }))
      .loginAs(owner)
    foreignPage.assertStatus(404)
    assert.isNotNull(await db.from('agency_members').where('id', strangerRow.id).first())
    assert.isNotNull(await db.from('workspace_members').where('id', strangerWm.id).first())
    assert.isNull((await db.from('invitations').where('id', invitation.id).first()).revoked_at)
  })

  test('expired and revoked invitations are refused; bad input is a 422', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const bad = await client
      .post(route('api.team.invite'))
      .json({ email: 'nao-email', role: 'chefe', workspaceIds: ['x'] })
      .bearerToken(token)
    bad.assertStatus(422)
    assert.includeMembers(
      bad.body().errors.map((e: { field: string }) => e.field),
      ['email', 'role']
    )
    const ownerScoped = await client
      .post(route('api.team.invite'))
      .json({ email: 'dono@novo.test', role: 'owner', workspaceIds: [workspace.id] })
      .bearerToken(token)
    ownerScoped.assertStatus(422)

    await client
      .post(route('api.team.invite'))
      .json({ email: 'a@convite.test', role: 'viewer' })
      .bearerToken(token)
    const first = pathOf(linkIn(await catcher.waitFor('a@convite.test'), '/invitations/'))
    await db
      .from('invitations')
      .update({ expires_at: DateTime.now().minus({ seconds: 1 }).toSQL() })
    assert.equal((await asInertia(client.get(first))).body().component, 'auth/link_invalid')

    const created = await client
      .post(route('api.team.invite'))
      .json({ email: 'b@convite.test', role: 'viewer' })
      .bearerToken(token)
    const second = pathOf(linkIn(await catcher.waitFor('b@convite.test'), '/invitations/'))
    ;(
      await client
        .delete(route('api.team.invitations.revoke', { id: created.body().invitation.id }))
        .bearerToken(token)
    ).assertStatus(204)
    const revoked = await asInertia(
      client.post(second).form({ name: 'B', password: 'senha-boa-123' }).withCsrfToken()
    )
    assert.equal(revoked.body().component, 'auth/link_invalid')
    assert.isNull(await User.findBy('email', 'b@convite.test'))
    ;(
      await client
        .post(route('api.auth.login'))
        .json({ email: owner.email, password: FACTORY_PASSWORD })
    ).assertStatus(200)
  })
})
