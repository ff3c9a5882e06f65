import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { CheckoutConfigFactory } from '#database/factories/checkout_config_factory'
import FunnelStep from '#models/funnel_step'
import CreateStep from '#actions/steps/create_step'
import UpdateStep from '#actions/steps/update_step'
import { renderStep } from '#services/step_renderer'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { pageFromContent } from '#services/page_from_content'
import { validateStepPage } from '#validators/step_page'
import { fillStepPages } from '#database/migrations/1765030000020_migrate_step_content_to_pages'
import type { StepType } from '#enums/funnels'

/** Content of every step type as the per-type builder stored it, every optional field filled. */
const FIXTURES: Record<StepType, Record<string, unknown>> = {
  capture: {
    headline: 'Aula gratuita de confeitaria',
    text: 'Deixe seu e-mail e receba o link.',
    fields: ['name', 'email', 'phone'],
    buttonLabel: 'Quero minha vaga',
  },
  vsl: {
    headline: 'Assista antes que saia do ar',
    videoUrl: 'https://youtu.be/dQw4w9WgXcQ',
    ctaLabel: 'Comprar agora',
    ctaDelaySeconds: 45,
  },
  checkout: { headline: 'Falta pouco!', text: 'Preencha seus dados.' },
  upsell: {
    headline: 'Leve também a mentoria',
    text: 'Só nesta página.',
    offer: {
      name: 'Mentoria VIP',
      description: 'Quatro encontros ao vivo',
      priceCents: 49700,
      imageUrl: 'https://cdn.exemplo.com.br/mentoria.png',
    },
    acceptLabel: 'Sim, quero',
    declineLabel: 'Não, obrigado',
  },
  thankyou: {
    message: 'Obrigado pela compra!',
    links: [
      { label: 'Acessar o curso', url: 'https://curso.exemplo.com.br' },
      { label: 'Falar com o suporte', url: 'mailto:suporte@exemplo.com.br' },
    ],
  },
}

/** The visible texts of a document (text nodes and alt/title attributes), whitespace folded. */
function texts(html: string) {
  const body = html.slice(html.indexOf('<body'))
  const nodes = body
    .replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>/g, '')
    .split(/<[^>]+>/)
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  return new Set(nodes)
}

/** What a form posts and what a visitor can click: inputs, buttons, links and form actions. */
function controls(html: string) {
  return [
    ...[...html.matchAll(/<input[^>]*name="([^"]+)"/g)].map((m) => `input:${m[1]}`),
    ...[...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => `form:${m[1]}`),
    ...[...html.matchAll(/<a[^>]*href="([^"]+)"/g)].map((m) => `a:${m[1]}`),
    ...[...html.matchAll(/data-(upsell-accept|checkout-form|bump-cents|total)(="[^"]*")?/g)].map(
      (m) => `data:${m[1]}${m[2] ?? ''}`
    ),
  ].sort()
}

test.group('Migration of per-type content to block pages (issue 18 item 3)', (group) => {
  freshDatabase(group)

  test('every step type gets a valid page that draws the same texts, form and offer', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const steps: FunnelStep[] = []
    for (const [orderIndex, stepType] of (Object.keys(FIXTURES) as StepType[]).entries()) {
      steps.push(
        await FunnelStepFactory.merge({
          workspaceId: workspace.id,
          funnelId: funnel.id,
          orderIndex,
          stepType,
          name: `Etapa ${stepType}`,
          content: FIXTURES[stepType] as any,
        }).create()
      )
    }
    const checkoutStep = steps.find((step) => step.stepType === 'checkout')!
    const config = await CheckoutConfigFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: checkoutStep.id,
      productName: 'Curso de Confeitaria',
      productPriceCents: 19700,
      designConfig: {
        primaryColor: '#7c3aed',
        backgroundColor: '#fafafa',
        countdownMinutes: 15,
        guaranteeText: '7 dias de garantia',
        testimonials: [{ name: 'Maria Lima', text: 'Mudou minha vida', photoUrl: null }],
      },
      orderBumps: [{ name: 'Apostila impressa', priceCents: 2990, description: 'Em casa' }],
    } as any).create()
    /** As before the migration: the factory's steps have no page. */
    await db.from('funnel_steps').where('funnel_id', funnel.id).update({ page: null })

    assert.equal(await fillStepPages(db.connection()), steps.length)
    assert.equal(await fillStepPages(db.connection()), 0, 'a second run changes nothing')

    for (const before of steps) {
      const after = await FunnelStep.findOrFail(before.id)
      assert.isNotNull(after.page, before.stepType)
      await validateStepPage({ stepType: after.stepType, page: after.page })
      assert.deepEqual(after.content, before.content, 'the content is kept')

      for (const mode of ['public', 'preview'] as const) {
        const draw = (page: typeof after.page) =>
          renderStep({
            workspace,
            funnel,
            step: {
              id: after.id,
              name: after.name,
              slug: after.slug,
              stepType: after.stepType,
              settings: after.settings,
              version: after.version,
              content: after.content,
              page,
            },
            checkoutConfig:
              after.stepType === 'checkout' ? normalizeCheckoutConfig(after, config) : null,
            mode,
            urls: {
              formAction: `/${funnel.slug}/${after.slug}`,
              nextStepUrl: `/${funnel.slug}/proxima`,
              acceptUrl: `/${funnel.slug}/aceite`,
              declineUrl: `/${funnel.slug}/recusa`,
            },
            locale: 'pt-BR',
          })
        const old = await draw(null)
        const migrated = await draw(after.page)
        assert.notEqual(old, migrated, 'the migrated page is drawn from its blocks')
        assert.include(migrated, ' blocks"', 'the block layout is used')
        assert.deepEqual(
          [...texts(migrated)].sort(),
          [...texts(old)].sort(),
          `${after.stepType} (${mode}): same texts`
        )
        assert.deepEqual(controls(migrated), controls(old), `${after.stepType}: same controls`)
        assert.equal(
          old.match(/<title>(.*)<\/title>/)![1],
          migrated.match(/<title>(.*)<\/title>/)![1]
        )
        /** Same look: at most a little CSS more (the block layout's). */
        assert.isBelow(migrated.length, old.length + 1200, `${after.stepType}: bytes`)
      }
    }
  })

  test('a new step starts with its page; the step form keeps an unarranged page in step', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const upsell = await CreateStep.handle({
      funnel,
      data: { name: 'Oferta', stepType: 'upsell' },
    })
    assert.deepEqual(upsell.page, pageFromContent('upsell', upsell.content))
    /** New upsells no longer repeat the badge above their headline (issue 18). */
    assert.notInclude(JSON.stringify(upsell.page), 'Espere! Oferta especial')
    await validateStepPage({ stepType: 'upsell', page: upsell.page })

    const changed = { ...upsell.content, headline: 'Nova chamada' }
    let saved = await UpdateStep.handle({ funnel, step: upsell, data: { content: changed } })
    assert.include(JSON.stringify(saved.page), 'Nova chamada')

    /** Once arranged in the block editor, the page keeps its blocks when the content changes. */
    const arranged = pageFromContent('upsell', saved.content)
    arranged.sections[0].blocks.push({ id: 'extra', type: 'divider' })
    saved.page = arranged
    await saved.save()
    saved = await UpdateStep.handle({
      funnel,
      step: saved,
      data: { content: { ...changed, headline: 'Outra chamada' } },
    })
    assert.deepEqual(saved.page, arranged)
    assert.equal((saved.content as any).headline, 'Outra chamada')
  })
})
