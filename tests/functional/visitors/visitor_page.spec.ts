import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { formatCpf, formatPhone } from '#services/personal_data'
import { CPF, story } from '#tests/helpers/visitor_story'
import { route } from '#tests/helpers/routes'

test.group('Admin visitor and payment pages for people', (group) => {
  freshDatabase(group)

  test('the visitor page: lead name, labelled formatted fields, PIX and postbacks in the timeline', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { visitor, payment } = await story(workspace)
    const response = await asInertia(
      client
        .get(route('w.visitors.show', { workspaceSlug: workspace.slug, id: visitor.publicId }))
        .loginAs(owner)
    )
    response.assertStatus(200)
    const props = response.body().props
    assert.equal(props.visitor.lead.name, 'Maria Souza')
    assert.equal(props.visitor.lead.phone, '(11) 98765-4321')
    assert.equal(props.visitor.lead.cpf, '123.982.247-05')
    assert.deepEqual(
      props.events.data.map((e: any) => e.type),
      ['postback', 'pix_paid', 'pix_generated', 'form_submit', 'page_view']
    )
    const paid = props.events.data.find((e: any) => e.type === 'pix_paid')
    assert.equal(paid.data.paymentId, payment.id)
    assert.equal(paid.data.amountCents, 19700)
    assert.equal(paid.stepName, 'Checkout')
    const postback = props.events.data[0]
    assert.include(postback.data, { target: 'utmify', status: 'succeeded' })
  })

  test('below admin the CPF is masked on the visitor and payment pages, raw documents too', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { visitor, payment } = await story(workspace)
    const ownerView = await asInertia(
      client
        .get(route('w.payments.show', { workspaceSlug: workspace.slug, id: payment.id }))
        .loginAs(owner)
    )
    ownerView.assertStatus(200)
    assert.include(ownerView.body().props.payment.customer, {
      cpf: '123.982.247-05',
      phone: '(11) 98765-4321',
    })
    for (const role of ['editor', 'viewer'] as const) {
      const member = await workspaceMember(workspace, role)
      const page = await asInertia(
        client
          .get(route('w.payments.show', { workspaceSlug: workspace.slug, id: payment.id }))
          .loginAs(member)
      )
      page.assertStatus(200)
      assert.equal(page.body().props.payment.customer.cpf, '***.982.247-**')
      assert.equal(page.body().props.payment.customer.phone, '(11) 98765-4321')
      assert.notInclude(JSON.stringify(page.body()), CPF)
      assert.notInclude(JSON.stringify(page.body()), '123.982.247-05')
      const lead = await asInertia(
        client
          .get(route('w.visitors.show', { workspaceSlug: workspace.slug, id: visitor.publicId }))
          .loginAs(member)
      )
      assert.equal(lead.body().props.visitor.lead.cpf, '***.982.247-**')
      assert.notInclude(JSON.stringify(lead.body()), CPF)
      const list = await asInertia(
        client
          .get(
            route('w.visitors.index', { workspaceSlug: workspace.slug }, { qs: { status: 'all' } })
          )
          .loginAs(member)
      )
      assert.lengthOf(list.body().props.visitors.data, 1)
      assert.notInclude(JSON.stringify(list.body()), CPF)
    }
  })

  test("another workspace's visitor and payment stay 404", async ({ client }) => {
    const other = await createTenant()
    const { visitor, payment } = await story(other.workspace)
    const mine = await createTenant()
    const base = route('w.root', { workspaceSlug: mine.workspace.slug })
    const seen = await asInertia(
      client.get(`${base}/visitors/${visitor.publicId}`).loginAs(mine.owner)
    )
    seen.assertStatus(404)
    const paid = await asInertia(client.get(`${base}/payments/${payment.id}`).loginAs(mine.owner))
    paid.assertStatus(404)
  })

  test('formats: CPF in full or masked, Brazilian phones with or without +55', ({ assert }) => {
    assert.equal(formatCpf('123.982.247-05', true), '123.982.247-05')
    assert.equal(formatCpf(CPF, false), '***.982.247-**')
    assert.equal(formatCpf('123', false), '***')
    assert.isNull(formatCpf('', true))
    assert.equal(formatPhone('+55 (11) 98765-4321'), '(11) 98765-4321')
    assert.equal(formatPhone('1133334444'), '(11) 3333-4444')
    assert.equal(formatPhone('+1 555 0100'), '+1 555 0100')
  })
})
