import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import SeedDemoAgency, { DEMO_LOGIN } from '#actions/demo/seed_demo_agency'
import Workspace from '#models/workspace'
import User from '#models/user'
import { route } from '#tests/helpers/routes'

test.group('Demo seed (first start of npm start)', (group) => {
  freshDatabase(group)

  test('creates the demo agency, workspace and five-step funnel once', async ({
    assert,
    client,
  }) => {
    const first = await SeedDemoAgency.handle()
    const second = await SeedDemoAgency.handle()
    assert.isTrue(first.created)
    assert.isFalse(second.created)

    const workspace = await Workspace.findByOrFail('slug', 'demo')
    const funnels = await workspace
      .related('funnels')
      .query()
      .preload('steps')
      .preload('checkoutConfigs')
    assert.lengthOf(funnels, 1)
    assert.deepEqual(
      funnels[0].steps.map((s) => s.stepType),
      ['capture', 'vsl', 'checkout', 'upsell', 'thankyou']
    )
    assert.deepEqual(
      funnels[0].steps.map((s) => s.orderIndex),
      [0, 1, 2, 3, 4]
    )
    assert.equal(funnels[0].checkoutConfigs[0].productPriceCents, 19700)
    assert.deepEqual(funnels[0].checkoutConfigs[0].paymentMethods, ['pix'])
    assert.lengthOf(await User.query().where('email', DEMO_LOGIN.email), 1)

    const login = await client.post(route('api.auth.login')).json(DEMO_LOGIN)
    login.assertStatus(200)
  })
})
