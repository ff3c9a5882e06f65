import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import type { StepPage } from '../../../app/types/step_page.js'

test.group('Public site: block pages', (group) => {
  freshDatabase(group)

  test('a published block page is served escaped, its buttons leading to the steps they name', async ({
    assert,
  }) => {
    const { workspace } = await createTenant({ workspaceSlug: 'acme' })
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      slug: 'lancamento',
    }).create()
    const vsl = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      slug: 'aula',
      stepType: 'vsl',
      orderIndex: 0,
      content: { videoUrl: '', ctaLabel: 'Comprar', ctaDelaySeconds: 0 },
    }).create()
    await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      slug: 'bonus',
      stepType: 'thankyou',
      orderIndex: 1,
      content: { message: 'Bônus liberado', links: [] },
    }).create()
    const thanks = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      slug: 'obrigado',
      stepType: 'thankyou',
      orderIndex: 2,
      content: { message: 'Obrigado', links: [] },
    }).create()
    const page: StepPage = {
      version: 1,
      sections: [
        {
          id: 's1',
          background: '#fef3c7',
          blocks: [
            { id: 'h', type: 'headline', text: 'Aula <b>ao vivo</b>', level: 1, align: 'center' },
            {
              id: 'l',
              type: 'bullets',
              items: ['Acesso vitalício', '<img src=x onerror=alert(1)>'],
            },
            { id: 'n', type: 'button', label: 'Próxima aula', action: 'next', delaySeconds: 0 },
            {
              id: 'j',
              type: 'button',
              label: 'Pular para o fim',
              action: 'next',
              stepId: thanks.id,
              delaySeconds: 0,
            },
          ],
        },
      ],
    }
    vsl.page = page
    await vsl.save()
    await publish(funnel)

    const response = await siteRequest('acme.localhost', '/lancamento/aula')
    assert.equal(response.status, 200)
    assert.include(response.body, '<title>Aula &lt;b&gt;ao vivo&lt;/b&gt;</title>')
    assert.include(response.body, '<li>&lt;img src=x onerror=alert(1)&gt;</li>')
    assert.notInclude(response.body, '<img src=x')
    assert.include(response.body, 'style="background:#fef3c7"')
    assert.match(response.body, /href="\/lancamento\/obrigado">Pular para o fim</)
    assert.match(response.body, /href="\/lancamento\/bonus">Próxima aula</)
  })
})
