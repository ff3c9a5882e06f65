import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { checkoutFunnel, CONTENT } from '#tests/functional/checkout/helpers'
import { route } from '#tests/helpers/routes'

const previewUrl = (slug: string, funnelId: number, stepId: number) =>
  route('w.step_previews.show', { workspaceSlug: slug, funnelId, stepId })

test.group('Admin step preview', (group) => {
  freshDatabase(group)

  test('renders every step type as its page, in preview mode, frameable by the admin', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace, { withConfig: true })
    const vsl = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      orderIndex: 4,
      stepType: 'vsl',
      content: CONTENT.vsl as any,
    }).create()

    const expectations: Array<[number, string[]]> = [
      [steps.capture.id, ['Aula gratuita', '<form']],
      [vsl.id, ['Assista ao vídeo', 'https://www.youtube.com/embed/dQw4w9WgXcQ', 'Comprar agora']],
      [steps.checkout.id, ['Curso de Confeitaria', 'R$ 197,00', 'Falta pouco!']],
      [steps.upsell.id, ['Mentoria VIP', 'R$ 497,00']],
      [steps.thankyou.id, ['Obrigado pela compra!']],
    ]
    for (const [stepId, texts] of expectations) {
      const response = await client
        .get(`${previewUrl(workspace.slug, funnel.id, stepId)}?v=1`)
        .loginAs(owner)
      response.assertStatus(200)
      assert.match(response.header('content-type') ?? '', /^text\/html/)
      response.assertHeader('x-frame-options', 'SAMEORIGIN')
      assert.include(response.header('content-security-policy') ?? '', "frame-ancestors 'self'")
      assert.include(response.header('content-security-policy') ?? '', 'sandbox allow-scripts')
      const html = response.text()
      assert.match(html, /^<!DOCTYPE html>/)
      assert.include(html, 'Pré-visualização')
      assert.match(html, /<body[^>]*data-preview/)
      for (const text of texts) assert.include(html, text)
    }
  })

  test('a checkout step without configuration previews the defaults', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await client
      .get(previewUrl(workspace.slug, funnel.id, checkout.id))
      .loginAs(owner)
    response.assertStatus(200)
    assert.include(response.text(), 'R$ 97,00')
  })

  test('viewers may preview', async ({ client }) => {
    const { workspace } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const { funnel, steps } = await checkoutFunnel(workspace)
    const response = await client
      .get(previewUrl(workspace.slug, funnel.id, steps.capture.id))
      .loginAs(viewer)
    response.assertStatus(200)
  })

  test("another workspace's funnel or step, or a step of another funnel, is a 404", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const own = await checkoutFunnel(workspace)
    const sibling = await checkoutFunnel(workspace)
    const other = await createTenant()
    const foreign = await checkoutFunnel(other.workspace, { withConfig: true })

    const urls = [
      previewUrl(workspace.slug, foreign.funnel.id, foreign.checkout.id),
      previewUrl(other.workspace.slug, foreign.funnel.id, foreign.checkout.id),
      previewUrl(workspace.slug, own.funnel.id, foreign.checkout.id),
      previewUrl(workspace.slug, own.funnel.id, sibling.steps.capture.id),
      previewUrl(workspace.slug, own.funnel.id, 999999),
    ]
    for (const url of urls) {
      const response = await client.get(url).loginAs(owner)
      assert.equal(response.status(), 404, url)
      assert.notInclude(response.text(), 'Curso de Confeitaria')
    }
  })

  test('guests are sent to the login page', async ({ client }) => {
    const { workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace)
    const response = await client
      .get(previewUrl(workspace.slug, funnel.id, checkout.id))
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', route('session.create'))
  })
})
