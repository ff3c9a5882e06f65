import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Workspace from '#models/workspace'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { aPayment, emptyQueues } from '#tests/functional/payments/helpers'
import { route } from '#tests/helpers/routes'

const SETTINGS = {
  buyerEmails: {
    enabled: true,
    senderName: 'Doces da Ana',
    replyTo: 'ana@doces.com.br',
    brandColor: '#aa3366',
    texts: { payment_approved: { subject: 'Pedido {pedido} confirmado', intro: 'Obrigada!' } },
  },
  consent: {
    termsUrl: 'https://doces.com.br/termos',
    privacyUrl: 'https://doces.com.br/privacidade',
    sellerName: 'Doces da Ana LTDA',
    sellerDocument: '11.222.333/0001-81',
  },
  recovery: { abandonAfterMinutes: 45 },
}

test.group('Admin: buyer journey settings and the payment page e-mails', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('owners save e-mail, consent and recovery settings; other settings keys are kept; the settings page shows them', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    await Workspace.query()
      .where('id', workspace.id)
      .update({ settings: JSON.stringify({ locale: 'en' }) })
    const response = await client
      .put(route('w.settings.buyer_journey', { workspaceSlug: workspace.slug }))
      .json(SETTINGS)
      .header('accept', 'application/json')
      .loginAs(owner)
      .withCsrfToken()
    response.assertStatus(200)
    const stored = (await Workspace.findOrFail(workspace.id)).settings as Record<string, any>
    assert.equal(stored.locale, 'en')
    assert.equal(stored.buyerEmails.senderName, 'Doces da Ana')
    assert.equal(stored.consent.sellerDocument, '11.222.333/0001-81')
    assert.equal(stored.recovery.abandonAfterMinutes, 45)

    const page = await asInertia(
      client.get(route('w.settings', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    page.assertStatus(200)
    const props = page.body().props.buyerJourney
    assert.equal(props.buyerEmails.replyTo, 'ana@doces.com.br')
    assert.equal(props.buyerEmails.texts.payment_approved.subject, 'Pedido {pedido} confirmado')
    assert.isNull(props.buyerEmails.texts.pix_generated.subject)
    assert.equal(props.consent.termsUrl, 'https://doces.com.br/termos')
    assert.equal(props.recovery.abandonAfterMinutes, 45)
  })

  test('bad input: field errors (CNPJ, reply-to, colour, URL, minutes), never a 5xx', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const response = await client
      .put(route('w.settings.buyer_journey', { workspaceSlug: workspace.slug }))
      .json({
        buyerEmails: { replyTo: 'não é e-mail', brandColor: 'red' },
        consent: { sellerDocument: '11.222.333/0001-00', termsUrl: 'javascript:alert(1)' },
        recovery: { abandonAfterMinutes: 0 },
      })
      .header('accept', 'application/json')
      .loginAs(owner)
      .withCsrfToken()
    response.assertStatus(422)
    const fields = response.body().errors.map((e: any) => `${e.field}:${e.rule}`)
    assert.includeMembers(fields, [
      'buyerEmails.replyTo:email',
      'buyerEmails.brandColor:regex',
      'consent.sellerDocument:cnpj',
      'consent.termsUrl:url',
      'recovery.abandonAfterMinutes:range',
    ])
    const cnpj = response.body().errors.find((e: any) => e.rule === 'cnpj')
    assert.equal(cnpj.message, 'Informe um CNPJ (ou CPF) válido')
  })

  test('logo: only an https URL of at most 2,000 characters (pt-BR field error), saved and shown; empty clears it', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const put = (logoUrl: unknown) =>
      client
        .put(route('w.settings.buyer_journey', { workspaceSlug: workspace.slug }))
        .json({ buyerEmails: { senderName: 'Doces da Ana', logoUrl } })
        .header('accept', 'application/json')
        .loginAs(owner)
        .withCsrfToken()

    for (const bad of [
      'http://doces.com.br/logo.png',
      'javascript:alert(1)',
      `https://doces.com.br/${'a'.repeat(2000)}.png`,
    ]) {
      const response = await put(bad)
      response.assertStatus(422)
      const error = response.body().errors.find((e: any) => e.field === 'buyerEmails.logoUrl')
      assert.exists(error, bad.slice(0, 40))
      assert.match(
        error.message,
        /^(Informe o endereço de uma imagem que comece com https:\/\/|Use um endereço com no máximo 2000 caracteres)$/
      )
    }
    const plain = (await put('http://doces.com.br/logo.png')).body().errors[0]
    assert.deepEqual(plain, {
      field: 'buyerEmails.logoUrl',
      rule: 'url',
      message: 'Informe o endereço de uma imagem que comece com https://',
    })
    assert.notProperty((await Workspace.findOrFail(workspace.id)).settings ?? {}, 'buyerEmails')

    const logo = 'https://cdn.doces.com.br/logo.png?v=2&size=96'
    const saved = await put(logo)
    saved.assertStatus(200)
    assert.equal(saved.body().buyerEmails.logoUrl, logo)
    const stored = (await Workspace.findOrFail(workspace.id)).settings as Record<string, any>
    assert.equal(stored.buyerEmails.logoUrl, logo)
    const page = await asInertia(
      client.get(route('w.settings', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    assert.equal(page.body().props.buyerJourney.buyerEmails.logoUrl, logo)

    /** The form sends an empty field: it clears the logo (the name is the header again). */
    const cleared = await put('')
    cleared.assertStatus(200)
    assert.isNull(cleared.body().buyerEmails.logoUrl)
  })

  test('editors cannot change them (403); another workspace answers 404', async ({ client }) => {
    const { workspace } = await createTenant()
    const editor = await workspaceMember(workspace, 'editor')
    const other = await createTenant()
    const asEditor = await client
      .put(route('w.settings.buyer_journey', { workspaceSlug: workspace.slug }))
      .json(SETTINGS)
      .header('accept', 'application/json')
      .loginAs(editor)
      .withCsrfToken()
    asEditor.assertStatus(403)
    const cross = await client
      .put(route('w.settings.buyer_journey', { workspaceSlug: workspace.slug }))
      .json(SETTINGS)
      .header('accept', 'application/json')
      .loginAs(other.owner)
      .withCsrfToken()
    cross.assertStatus(404)
  })

  test('the payment page lists the buyer e-mails of that payment only', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const payment = await aPayment(workspace, { status: 'paid' })
    const other = await aPayment(workspace, { status: 'paid' })
    await db.table('buyer_emails').insert([
      {
        workspace_id: workspace.id,
        payment_id: payment.id,
        kind: 'pix_generated',
        to_email: 'm@x.com',
        status: 'sent',
        subject: 'Seu PIX',
        sent_at: new Date(),
      },
      {
        workspace_id: workspace.id,
        payment_id: payment.id,
        kind: 'payment_approved',
        to_email: 'm@x.com',
        status: 'failed',
        last_error: 'ECONNREFUSED',
      },
      {
        workspace_id: workspace.id,
        payment_id: other.id,
        kind: 'pix_generated',
        to_email: 'o@x.com',
      },
    ])
    const page = await asInertia(
      client
        .get(route('w.payments.show', { workspaceSlug: workspace.slug, id: payment.id }))
        .loginAs(owner)
    )
    page.assertStatus(200)
    const emails = page.body().props.buyerEmails
    assert.deepEqual(
      emails.map((e: any) => [e.kind, e.status, e.to]),
      [
        ['pix_generated', 'sent', 'm@x.com'],
        ['payment_approved', 'failed', 'm@x.com'],
      ]
    )
    assert.equal(emails[1].lastError, 'ECONNREFUSED')
  })
})
