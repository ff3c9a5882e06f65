import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { resolveWorkspaceByHost } from '#services/tenant_host'

/** The id of the workspace a host resolves to, or undefined. */
async function resolvedId(host: string) {
  const workspace = await resolveWorkspaceByHost(host)
  return workspace?.id
}

test.group('Public side: workspace from the request host', (group) => {
  freshDatabase(group)

  test('{slug}.{APP_DOMAIN} and verified custom domains resolve to their workspace', async ({
    assert,
  }) => {
    const { workspace } = await createTenant({ workspaceSlug: 'acme' })
    await workspace
      .merge({ customDomain: 'ofertas.acme.com.br', customDomainVerifiedAt: DateTime.now() })
      .save()
    const other = await createTenant({ workspaceSlug: 'beta' })

    assert.equal(await resolvedId('acme.localhost:3334'), workspace.id)
    assert.equal(await resolvedId('OFERTAS.acme.com.br'), workspace.id)
    assert.equal(await resolvedId('beta.localhost'), other.workspace.id)
  })

  test('the admin domain, unknown hosts, nested subdomains and archived workspaces resolve to nothing', async ({
    assert,
  }) => {
    const { workspace } = await createTenant({ workspaceSlug: 'gone' })
    await workspace.merge({ archivedAt: DateTime.now() }).save()
    assert.isNull(await resolveWorkspaceByHost('localhost:3334'))
    assert.isNull(await resolveWorkspaceByHost('nobody.localhost'))
    assert.isNull(await resolveWorkspaceByHost('a.b.localhost'))
    assert.isNull(await resolveWorkspaceByHost('gone.localhost'))
    assert.isNull(await resolveWorkspaceByHost('evil.example.com'))
  })
})
