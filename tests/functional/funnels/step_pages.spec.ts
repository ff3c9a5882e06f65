import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'
import FunnelStep from '#models/funnel_step'
import type { StepPage } from '../../../app/types/step_page.js'
import { route } from '#tests/helpers/routes'

const stepUrl = (slug: string, funnelId: number, stepId: number) =>
  route('w.steps.update', { workspaceSlug: slug, funnelId, stepId })

/** A valid capture page: a headline, a text and the capture form. */
function capturePage(overrides: Partial<StepPage> = {}): StepPage {
  return {
    version: 1,
    sections: [
      {
        id: 's1',
        background: null,
        blocks: [
          { id: 'b1', type: 'headline', text: 'Baixe o guia grátis', level: 1, align: 'center' },
          { id: 'b2', type: 'text', text: 'Receba no seu e-mail.', align: 'center' },
          { id: 'b3', type: 'capture_form' },
        ],
      },
    ],
    ...overrides,
  }
}

test.group('Block editor endpoints: save a page, preview an unsaved one', (group) => {
  freshDatabase(group)

  test('PUT …/page saves the page and answers it with the new step version', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace)
    const response = await client
      .put(`${stepUrl(workspace.slug, funnel.id, steps.capture.id)}/page`)
      .json(capturePage())
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(owner)
    response.assertStatus(200)
    assert.deepEqual(response.body().page, capturePage())
    assert.equal(response.body().version, 2)

    const saved = await FunnelStep.findOrFail(steps.capture.id)
    assert.deepEqual(saved.page, capturePage())
    assert.equal(saved.version, 2)
  })

  test('422 with the field of the bad block: empty text, http image, unknown type, duplicate id', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace)
    const page = capturePage()
    page.sections[0].blocks.push(
      { id: 'b4', type: 'text', text: '   ', align: 'left' },
      { id: 'b5', type: 'image', url: 'http://exemplo.com.br/foto.png', alt: '' },
      { id: 'b6', type: 'marquee' } as any,
      { id: 'b1', type: 'divider' }
    )
    const response = await client
      .put(`${stepUrl(workspace.slug, funnel.id, steps.capture.id)}/page`)
      .json(page)
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(owner)
    response.assertStatus(422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, [
      'sections.0.blocks.3.text',
      'sections.0.blocks.4.url',
      'sections.0.blocks.5',
      'sections.0.blocks.6.id',
    ])
    /** The first use of an id is not the one reported. */
    assert.notInclude(fields, 'sections.0.blocks.0.id')
    const saved = await FunnelStep.findOrFail(steps.capture.id)
    assert.isNull(saved.page)
    assert.equal(saved.version, 1)
  })

  test("the step type's required block cannot be removed, nor appear twice, nor go elsewhere", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace)
    const url = `${stepUrl(workspace.slug, funnel.id, steps.capture.id)}/page`
    const withoutForm = capturePage()
    withoutForm.sections[0].blocks.pop()
    const twice = capturePage()
    twice.sections[0].blocks.push({ id: 'b9', type: 'capture_form' })
    const foreignBlock = capturePage()
    foreignBlock.sections[0].blocks.push({ id: 'b9', type: 'upsell_offer' })

    for (const [page, field, rule] of [
      [withoutForm, 'sections', 'required_block'],
      [twice, 'sections', 'required_block'],
      [foreignBlock, 'sections.0.blocks.3.type', 'block_step_type'],
    ] as const) {
      const response = await client
        .put(url)
        .json(page)
        .header('accept', 'application/json')
        .withCsrfToken()
        .loginAs(owner)
      response.assertStatus(422)
      assert.deepInclude(
        response
          .body()
          .errors.map((error: { field: string; rule: string }) => [error.field, error.rule]),
        [field, rule]
      )
    }
    assert.isNull((await FunnelStep.findOrFail(steps.capture.id)).page)
  })

  test('POST …/preview draws an unsaved page and content, and saves nothing', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace)
    const page = capturePage()
    page.sections[0].blocks.unshift({
      id: 'b0',
      type: 'text',
      text: '<script>alert(1)</script> Texto ainda não salvo',
      align: 'left',
    })
    const response = await client
      .post(`${stepUrl(workspace.slug, funnel.id, steps.capture.id)}/preview`)
      .json({
        page,
        content: { headline: 'Ainda não salvo', fields: ['email'], buttonLabel: 'Enviar agora' },
      })
      .withCsrfToken()
      .loginAs(owner)
    response.assertStatus(200)
    response.assertHeader('x-frame-options', 'SAMEORIGIN')
    assert.include(response.header('content-security-policy') ?? '', 'sandbox allow-scripts')
    const html = response.text()
    assert.match(html, /<body[^>]*data-preview/)
    assert.include(html, 'Baixe o guia grátis')
    assert.include(html, 'Texto ainda não salvo')
    assert.include(html, 'Enviar agora')
    assert.notInclude(html, '<script>alert(1)</script>')
    assert.include(html, '&lt;script&gt;alert(1)&lt;/script&gt;')

    const saved = await FunnelStep.findOrFail(steps.capture.id)
    assert.isNull(saved.page)
    assert.equal(saved.version, 1)
    assert.equal((saved.content as any).buttonLabel, 'Quero')
  })

  test('preview: a bad page or content is a 422 with its fields', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await checkoutFunnel(workspace)
    const page = capturePage()
    page.sections[0].blocks[0] = { ...page.sections[0].blocks[0], text: '' } as any
    const response = await client
      .post(`${stepUrl(workspace.slug, funnel.id, steps.capture.id)}/preview`)
      .json({ page, content: { headline: 'x', fields: [], buttonLabel: 'Enviar' } })
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(owner)
    response.assertStatus(422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.include(fields, 'page.sections.0.blocks.0.text')

    const badContent = await client
      .post(`${stepUrl(workspace.slug, funnel.id, steps.capture.id)}/preview`)
      .json({ page: capturePage(), content: { headline: 'x', fields: [], buttonLabel: 'Enviar' } })
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(owner)
    badContent.assertStatus(422)
    assert.include(
      badContent.body().errors.map((error: { field: string }) => error.field),
      'content.fields'
    )
  })

  test("another workspace's funnel or step, or a step of another funnel, is a 404", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const own = await checkoutFunnel(workspace)
    const sibling = await checkoutFunnel(workspace)
    const other = await createTenant()
    const foreign = await checkoutFunnel(other.workspace)

    const bases = [
      stepUrl(workspace.slug, foreign.funnel.id, foreign.steps.capture.id),
      stepUrl(other.workspace.slug, foreign.funnel.id, foreign.steps.capture.id),
      stepUrl(workspace.slug, own.funnel.id, foreign.steps.capture.id),
      stepUrl(workspace.slug, own.funnel.id, sibling.steps.capture.id),
    ]
    for (const base of bases) {
      const save = await client
        .put(`${base}/page`)
        .json(capturePage())
        .header('accept', 'application/json')
        .withCsrfToken()
        .loginAs(owner)
      assert.equal(save.status(), 404, base)
      const preview = await client
        .post(`${base}/preview`)
        .json({ page: capturePage() })
        .header('accept', 'application/json')
        .withCsrfToken()
        .loginAs(owner)
      assert.equal(preview.status(), 404, base)
    }
    for (const step of [foreign.steps.capture, sibling.steps.capture]) {
      const stored = await FunnelStep.findOrFail(step.id)
      assert.isNull(stored.page)
      assert.equal(stored.version, 1)
    }
  })

  test('viewers get 403; without the CSRF token the save is refused', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const { funnel, steps } = await checkoutFunnel(workspace)
    const base = stepUrl(workspace.slug, funnel.id, steps.capture.id)
    const save = await client
      .put(`${base}/page`)
      .json(capturePage())
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(viewer)
    save.assertStatus(403)
    const preview = await client
      .post(`${base}/preview`)
      .json({ page: capturePage() })
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(viewer)
    preview.assertStatus(403)
    const noCsrf = await client
      .put(`${base}/page`)
      .json(capturePage())
      .header('accept', 'application/json')
      .loginAs(owner)
    assert.notEqual(noCsrf.status(), 200)
    assert.isNull((await FunnelStep.findOrFail(steps.capture.id)).page)
  })
})
