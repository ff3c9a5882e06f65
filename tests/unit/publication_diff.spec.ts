import { test } from '@japa/runner'
import type { PublicationSnapshot, SnapshotRow } from '#services/funnel_publication'
import { describeChange, diffSnapshots, sameJson } from '#services/publication_diff'

function step(id: number, merge: Record<string, unknown> = {}): SnapshotRow {
  return {
    id,
    workspace_id: 1,
    funnel_id: 1,
    name: `Etapa ${id}`,
    slug: `etapa-${id}`,
    step_type: 'capture',
    order_index: id - 1,
    is_active: true,
    settings: {},
    content: { headline: 'Olá', fields: ['name', 'email'] },
    page: null,
    version: 1,
    ...merge,
  }
}

function checkout(stepId: number, merge: Record<string, unknown> = {}): SnapshotRow {
  return {
    id: 100 + stepId,
    workspace_id: 1,
    funnel_id: 1,
    step_id: stepId,
    product_name: 'Curso',
    product_price_cents: 19700,
    currency: 'BRL',
    payment_methods: ['pix'],
    fields_config: { name: true },
    design_config: {},
    upsell_config: {},
    order_bumps: [{ name: 'Planilha', priceCents: 2700 }],
    ...merge,
  }
}

function snapshot(steps: SnapshotRow[], checkoutConfigs: SnapshotRow[] = []): PublicationSnapshot {
  return { format: 1, steps, checkoutConfigs }
}

const page = (blocks: Array<Record<string, unknown>>, background: string | null = null) => ({
  version: 1,
  sections: [{ id: 's1', background, blocks }],
})

const labels = (published: PublicationSnapshot | null, draft: PublicationSnapshot) =>
  diffSnapshots(published, draft).map((change) => describeChange('pt-BR', change))

test.group('Publication diff', () => {
  test('identical snapshots (key order and save counters aside) have no change', ({ assert }) => {
    const published = snapshot([step(1), step(2)], [checkout(2)])
    const draft = snapshot(
      [
        step(1, { version: 9 }),
        { ...step(2), content: { fields: ['name', 'email'], headline: 'Olá' } },
      ],
      [checkout(2)]
    )
    assert.deepEqual(diffSnapshots(published, draft), [])
    assert.isTrue(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, {}], a: 1 }))
    assert.isFalse(sameJson([1, 2], [2, 1]))
  })

  test('never published: one "first publish" line with the step count', ({ assert }) => {
    assert.deepEqual(labels(null, snapshot([step(1), step(2)])), ['Primeira publicação (2 etapas)'])
  })

  test('steps added, removed, renamed, re-addressed, moved and switched off', ({ assert }) => {
    const published = snapshot([step(1), step(2), step(3)])
    const draft = snapshot([
      step(3, { order_index: 0, is_active: false }),
      step(1, { name: 'Captura', order_index: 1, slug: 'inicio' }),
      step(4, { name: 'Obrigado', order_index: 2 }),
    ])
    assert.sameMembers(labels(published, draft), [
      'Etapa 3: mudou de posição (2ª → 1ª)',
      'Etapa 3: etapa desativada',
      'Etapa renomeada: "Etapa 1" → "Captura"',
      'Captura: endereço /etapa-1 → /inicio',
      'Captura: mudou de posição (1ª → 2ª)',
      'Etapa adicionada: Obrigado',
      'Etapa removida: Etapa 2',
    ])
  })

  test('content fields and the upsell price as money', ({ assert }) => {
    const offer = { name: 'Mentoria', priceCents: 49700 }
    const published = snapshot([
      step(1, { step_type: 'upsell', content: { headline: 'A', offer } }),
    ])
    const draft = snapshot([
      step(1, {
        step_type: 'upsell',
        content: { headline: 'B', offer: { ...offer, priceCents: 99700 }, acceptLabel: 'Sim' },
      }),
    ])
    assert.sameMembers(labels(published, draft), [
      'Etapa 1: título alterado',
      'Etapa 1: preço da oferta R$ 497,00 → R$ 997,00',
      'Etapa 1: texto do aceite alterado',
    ])
  })

  test('page blocks added, removed, changed and reordered; section background', ({ assert }) => {
    const headline = { id: 'b1', type: 'headline', text: 'Oi', level: 1, align: 'left' }
    const text = { id: 'b2', type: 'text', text: 'Corpo', align: 'left' }
    const form = { id: 'b3', type: 'capture_form' }
    const published = snapshot([step(1, { page: page([headline, text, form]) })])
    const draft = snapshot([
      step(1, {
        page: page(
          [form, { ...headline, text: 'Olá!' }, { id: 'b4', type: 'video', url: '' }],
          '#000000'
        ),
      }),
    ])
    assert.sameMembers(labels(published, draft), [
      'Etapa 1: fundo de uma seção alterado',
      'Etapa 1: bloco "Título" alterado',
      'Etapa 1: bloco "Vídeo" adicionado',
      'Etapa 1: bloco "Texto" removido',
      'Etapa 1: blocos reordenados',
    ])
    /** A page appearing where there was none (the migration to blocks) lists its blocks. */
    const first = labels(snapshot([step(1)]), snapshot([step(1, { page: page([form]) })]))
    assert.includeMembers(first, ['Etapa 1: bloco "Formulário de captura" adicionado'])
  })

  test('checkout price, product, bumps and other settings', ({ assert }) => {
    const published = snapshot([step(1, { step_type: 'checkout' })], [checkout(1)])
    const draft = snapshot(
      [step(1, { step_type: 'checkout' })],
      [
        checkout(1, {
          product_price_cents: 29700,
          product_name: 'Curso completo',
          order_bumps: [
            { name: 'Planilha', priceCents: 3700 },
            { name: 'Mentoria', priceCents: 9700 },
          ],
          design_config: { primaryColor: '#7c3aed' },
        }),
      ]
    )
    assert.sameMembers(labels(published, draft), [
      'Etapa 1: preço R$ 197,00 → R$ 297,00',
      'Etapa 1: produto "Curso" → "Curso completo"',
      'Etapa 1: order bump "Planilha" alterado (R$ 27,00 → R$ 37,00)',
      'Etapa 1: order bump "Mentoria" adicionado (R$ 97,00)',
      'Etapa 1: checkout — aparência alterado',
    ])
  })

  test('an unknown column is still a change (a generic line, never silence)', ({ assert }) => {
    const changes = diffSnapshots(
      snapshot([step(1)]),
      snapshot([step(1, { theme: { dark: true } })])
    )
    assert.deepEqual(
      changes.map((c) => [c.kind, c.field]),
      [['step_field', 'theme']]
    )
  })
})
