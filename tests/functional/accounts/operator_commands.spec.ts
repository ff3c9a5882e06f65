import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import Workspace from '#models/workspace'
import AgencyCreate from '../../../commands/agency_create.js'
import UserCreate from '../../../commands/user_create.js'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { route } from '#tests/helpers/routes'

async function run(command: typeof AgencyCreate | typeof UserCreate, args: string[]) {
  const instance = await ace.create(command, args)
  instance.ui.switchMode('raw')
  await instance.exec()
  return instance
}

test.group('Accounts: operator commands', (group) => {
  freshDatabase(group)

  test('agency:create makes the agency, a verified owner and a first workspace; the owner can log in', async ({
    client,
    assert,
  }) => {
    const command = await run(AgencyCreate, [
      '--name=Agência Operada',
      '--owner-email=Dona@Operada.test',
      '--owner-name=Dona Operada',
      '--owner-password=senha-operada-1',
      '--workspace=Cliente Um',
    ])
    command.assertSucceeded()
    const owner = await User.findByOrFail('email', 'dona@operada.test')
    assert.isNotNull(owner.emailVerifiedAt)
    const workspace = await Workspace.findByOrFail('slug', 'cliente-um')
    const member = await db
      .from('agency_members')
      .where({ user_id: owner.id, agency_id: workspace.agencyId })
      .first()
    assert.equal(member.role, 'owner')
    const login = await client
      .post(route('api.auth.login'))
      .json({ email: 'dona@operada.test', password: 'senha-operada-1', workspace: 'cliente-um' })
    login.assertStatus(200)
  })

  test('agency:create reuses an existing owner and generates a password when none is given', async ({
    assert,
  }) => {
    const { owner } = await createTenant()
    const command = await run(AgencyCreate, ['--name=Segunda', `--owner-email=${owner.email}`])
    command.assertSucceeded()
    assert.equal(
      await db
        .from('agency_members')
        .where('user_id', owner.id)
        .count('* as n')
        .first()
        .then((r) => Number(r.n)),
      2
    )

    const fresh = await run(AgencyCreate, [
      '--name=Terceira',
      '--owner-email=novo@dono.test',
      '--owner-name=Novo Dono',
    ])
    fresh.assertSucceeded()
    const printed = fresh.ui.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    const password = /Password: (\S+)/.exec(printed)?.[1]
    assert.isString(password)
    const user = await User.verifyCredentials('novo@dono.test', password!)
    assert.equal(user.name, 'Novo Dono')
  })

  test('agency:create refuses bad input without creating anything', async ({ assert }) => {
    await createTenant({ workspaceSlug: 'ocupado' })
    const before = await db.from('agencies').count('* as n').first()
    for (const args of [
      ['--owner-email=a@b.test'],
      ['--name=Sem Dono'],
      [
        '--name=X Agência',
        '--owner-email=nao-email',
        '--owner-name=Fulano',
        '--owner-password=senha-boa-123',
      ],
      [
        '--name=Y Agência',
        '--owner-email=y@y.test',
        '--owner-name=Fulano',
        '--owner-password=curta',
      ],
      [
        '--name=Z Agência',
        '--owner-email=z@z.test',
        '--owner-name=Fulano',
        '--owner-password=senha-boa-123',
        '--workspace=Ocupado',
      ],
    ]) {
      const command = await run(AgencyCreate, args)
      command.assertFailed()
    }
    const after = await db.from('agencies').count('* as n').first()
    assert.equal(after.n, before.n)
  })

  test('user:create adds an agency member or a client login with a role, and refuses duplicates', async ({
    client,
    assert,
  }) => {
    const { agency, workspace } = await createTenant()
    const member = await run(UserCreate, [
      '--email=editor@agencia.test',
      '--name=Editor',
      '--password=senha-editor-1',
      `--agency=${agency.slug}`,
      '--role=editor',
    ])
    member.assertSucceeded()
    const editor = await User.findByOrFail('email', 'editor@agencia.test')
    const row = await db.from('agency_members').where('user_id', editor.id).first()
    assert.equal(row.role, 'editor')

    const clientLogin = await run(UserCreate, [
      '--email=cliente@loja.test',
      '--name=Cliente',
      '--password=senha-cliente-1',
      `--workspace=${workspace.slug}`,
      '--role=viewer',
    ])
    clientLogin.assertSucceeded()
    const login = await client
      .post(route('api.auth.login'))
      .json({ email: 'cliente@loja.test', password: 'senha-cliente-1', workspace: workspace.slug })
    login.assertStatus(200)
    assert.equal(login.body().workspace.role, 'viewer')

    for (const args of [
      ['--email=editor@agencia.test', '--name=Outro', '--password=senha-outra-1'],
      ['--email=x@x.test', '--name=X', '--password=senha-outra-1', '--workspace=nao-existe'],
      [
        '--email=x@x.test',
        '--name=X',
        '--password=senha-outra-1',
        `--workspace=${workspace.slug}`,
        '--role=owner',
      ],
      [
        '--email=x@x.test',
        '--name=X',
        '--password=senha-outra-1',
        `--agency=${agency.slug}`,
        `--workspace=${workspace.slug}`,
      ],
    ]) {
      const command = await run(UserCreate, args)
      command.assertFailed()
    }
    assert.isNull(await User.findBy('email', 'x@x.test'))
  })
})
