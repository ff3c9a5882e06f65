import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import SeedDemoAgency from '#actions/demo/seed_demo_agency'
import Workspace from '#models/workspace'
import { validateStepContent } from '#validators/step'

test.group('Demo funnel follows the step content contract', (group) => {
  freshDatabase(group)

  test('every demo step content passes its type validator unchanged', async ({ assert }) => {
    await SeedDemoAgency.handle()
    const workspace = await Workspace.findByOrFail('slug', 'demo')
    const funnel = await workspace
      .related('funnels')
      .query()
      .preload('steps')
      .preload('checkoutConfigs')
      .firstOrFail()
    const ids = funnel.steps.map((step) => step.id)

    for (const step of funnel.steps) {
      const validated = await validateStepContent({
        stepType: step.stepType,
        content: step.content,
        stepIds: ids.filter((id) => id !== step.id),
      })
      assert.deepEqual(validated, step.content, step.slug)
    }
    const upsell = funnel.steps.find((step) => step.stepType === 'upsell')!
    const thankyou = funnel.steps.find((step) => step.stepType === 'thankyou')!
    assert.equal(upsell.content.acceptStepId, thankyou.id)
    assert.deepEqual(funnel.checkoutConfigs[0].upsellConfig, { stepId: upsell.id })
  })
})
