import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import Payment from '#models/payment'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }

test.group('Public payments: throttling per workspace and IP', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('the 21st PIX charge in a minute from one address is a 429 with a pt-BR message', async ({
    assert,
  }) => {
    const shop = await createTenant({ workspaceSlug: 'loja-limite' })
    const other = await createTenant({ workspaceSlug: 'loja-vizinha' })
    const shopFunnel = await sellingFunnel(shop.workspace)
    const otherFunnel = await sellingFunnel(other.workspace)
    const charge = (host: string, stepId: number) =>
      siteRequest(host, `/_funil/checkout/${stepId}`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ ...BUYER, bumps: [] }),
      })

    const statuses: number[] = []
    for (let i = 0; i < 21; i++) {
      statuses.push((await charge('loja-limite.localhost', shopFunnel.checkout.id)).status)
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(201))
    assert.equal(statuses[20], 429)
    const refused = await charge('loja-limite.localhost', shopFunnel.checkout.id)
    assert.equal(refused.status, 429)
    assert.deepEqual(JSON.parse(refused.body).errors, [
      { rule: 'too_many_requests', message: 'Muitas requisições. Aguarde um instante.' },
    ])
    assert.equal(
      (await Payment.query().where('workspace_id', shop.workspace.id)).length,
      20,
      'no charge past the limit'
    )

    /** Another shop's buyers are not held back by this one's. */
    assert.equal((await charge('loja-vizinha.localhost', otherFunnel.checkout.id)).status, 201)
  })

  test('CPF lookups stop at 30 a minute from one address', async ({ assert }) => {
    await createTenant({ workspaceSlug: 'loja-dados' })
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const response = await siteRequest('loja-dados.localhost', '/_funil/cpf', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ cpf: '123' }),
      })
      statuses.push(response.status)
    }
    assert.notInclude(statuses.slice(0, 30), 429)
    assert.equal(statuses[30], 429)
  })
})
