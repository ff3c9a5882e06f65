import { test } from '@japa/runner'
import { errors } from '@vinejs/vine'
import { renderStep, type RenderStepOptions } from '#services/step_renderer'
import { defaultCheckoutConfig } from '#services/step_renderer/checkout_data'
import { validateStepPage, PAGE_LIMITS } from '#validators/step_page'
import type { StepType } from '#enums/funnels'
import type { PageBlock, StepPage } from '../../app/types/step_page.js'

const XSS = '<script>alert("x")</script>'
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'

/** The form or offer block a step type requires, so a page of any block validates. */
const REQUIRED: Record<StepType, PageBlock[]> = {
  capture: [{ id: 'req', type: 'capture_form' }],
  vsl: [],
  checkout: [{ id: 'req', type: 'checkout_form' }],
  upsell: [{ id: 'req', type: 'upsell_offer' }],
  thankyou: [],
}

function page(blocks: PageBlock[], stepType: StepType = 'vsl'): StepPage {
  return {
    version: 1,
    sections: [{ id: 's1', background: null, blocks: [...blocks, ...REQUIRED[stepType]] }],
  }
}

const CONTENT: Record<StepType, Record<string, unknown>> = {
  capture: { headline: 'Aula', fields: ['name', 'email'], buttonLabel: 'Quero' },
  vsl: { headline: 'Vídeo', videoUrl: '', ctaLabel: 'Comprar', ctaDelaySeconds: 0 },
  checkout: { headline: 'Falta pouco' },
  upsell: {
    headline: 'Leve também',
    offer: { name: 'Mentoria', priceCents: 9700 },
    acceptLabel: 'Sim',
    declineLabel: 'Não',
  },
  thankyou: { message: 'Obrigado!', links: [] },
}

function render(
  stepPage: StepPage,
  stepType: StepType = 'vsl',
  overrides: Partial<RenderStepOptions> = {}
) {
  return renderStep({
    workspace: { name: 'Loja da Ana', slug: 'loja-ana' },
    funnel: { id: 7, name: 'Funil', slug: 'funil', settings: {} },
    step: {
      id: 42,
      name: 'Etapa',
      slug: 'etapa',
      stepType,
      content: CONTENT[stepType],
      settings: {},
      version: 1,
      page: stepPage,
    },
    checkoutConfig: stepType === 'checkout' ? defaultCheckoutConfig({ name: 'Curso' }) : null,
    mode: 'public',
    urls: { nextStepUrl: '/funil/proxima', formAction: '/funil/etapa' },
    locale: 'pt-BR',
    ...overrides,
  })
}

/** The validation errors of a page, as [field, rule] pairs. */
async function rejected(stepPage: unknown, stepType: StepType = 'vsl') {
  try {
    await validateStepPage({ stepType, page: stepPage })
  } catch (error) {
    if (error instanceof errors.E_VALIDATION_ERROR) {
      return (error.messages as Array<{ field: string; rule: string }>).map((m) => [
        m.field,
        m.rule,
      ])
    }
    throw error
  }
  return []
}

/**
 * One case per block type: a valid block, the texts it must print, a bad variant with the
 * field it is reported under, and the text fields an attacker could fill.
 */
interface BlockCase {
  stepType?: StepType
  valid: PageBlock
  prints: string[]
  invalid: [Record<string, unknown>, string][]
  textFields: Array<(text: string) => PageBlock>
}

const CASES: Record<PageBlock['type'], BlockCase> = {
  headline: {
    valid: { id: 'b1', type: 'headline', text: 'Título grande', level: 1, align: 'center' },
    prints: ['<h1 class="b-headline center">Título grande</h1>'],
    invalid: [
      [{ text: '' }, 'sections.0.blocks.0.text'],
      [{ text: 'x'.repeat(256) }, 'sections.0.blocks.0.text'],
      [{ level: 4 }, 'sections.0.blocks.0.level'],
    ],
    textFields: [(text) => ({ id: 'b1', type: 'headline', text, level: 2, align: 'left' })],
  },
  text: {
    valid: { id: 'b1', type: 'text', text: 'Linha um\nLinha dois', align: 'left' },
    prints: ['<p class="lead">Linha um\nLinha dois</p>'],
    invalid: [
      [{ text: 'x'.repeat(5001) }, 'sections.0.blocks.0.text'],
      [{ align: 'right' }, 'sections.0.blocks.0.align'],
    ],
    textFields: [(text) => ({ id: 'b1', type: 'text', text, align: 'left' })],
  },
  image: {
    valid: { id: 'b1', type: 'image', url: 'https://cdn.exemplo.com.br/a.png', alt: 'Capa' },
    prints: ['src="https://cdn.exemplo.com.br/a.png"', 'alt="Capa"'],
    invalid: [
      [{ url: 'http://cdn.exemplo.com.br/a.png' }, 'sections.0.blocks.0.url'],
      [{ url: 'javascript:alert(1)' }, 'sections.0.blocks.0.url'],
    ],
    textFields: [
      (text) => ({ id: 'b1', type: 'image', url: 'https://cdn.exemplo.com.br/a.png', alt: text }),
    ],
  },
  video: {
    valid: { id: 'b1', type: 'video', url: 'https://youtu.be/dQw4w9WgXcQ' },
    prints: ['src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0&amp;playsinline=1"'],
    invalid: [[{ url: 'https://exemplo.com/video.avi' }, 'sections.0.blocks.0.url']],
    textFields: [],
  },
  button: {
    valid: {
      id: 'b1',
      type: 'button',
      label: 'Quero agora',
      action: 'next',
      stepId: null,
      url: null,
      delaySeconds: 30,
    },
    prints: ['data-cta-delay="30" hidden', 'href="/funil/proxima"', 'Quero agora', '<noscript>'],
    invalid: [
      [{ action: 'url', url: null }, 'sections.0.blocks.0.url'],
      [{ action: 'url', url: 'http://exemplo.com' }, 'sections.0.blocks.0.url'],
      [{ delaySeconds: -1 }, 'sections.0.blocks.0.delaySeconds'],
      [{ label: 'x'.repeat(81) }, 'sections.0.blocks.0.label'],
    ],
    textFields: [
      (label) => ({
        id: 'b1',
        type: 'button',
        label,
        action: 'url',
        url: 'https://exemplo.com.br',
        delaySeconds: 0,
      }),
    ],
  },
  countdown: {
    valid: { id: 'b1', type: 'countdown', minutes: 15, label: 'A oferta acaba em' },
    prints: ['data-countdown-minutes="15"', 'A oferta acaba em', '15:00'],
    invalid: [
      [{ minutes: 0 }, 'sections.0.blocks.0.minutes'],
      [{ minutes: 241 }, 'sections.0.blocks.0.minutes'],
    ],
    textFields: [(label) => ({ id: 'b1', type: 'countdown', minutes: 5, label })],
  },
  testimonials: {
    valid: {
      id: 'b1',
      type: 'testimonials',
      items: [{ name: 'Ana Souza', text: 'Recomendo', photoUrl: null }],
    },
    prints: ['<blockquote>Recomendo</blockquote>', '>AS</span>', 'Ana Souza'],
    invalid: [
      [{ items: [] }, 'sections.0.blocks.0.items'],
      [
        { items: [{ name: 'A', text: 'B', photoUrl: 'http://x.com/a.png' }] },
        'sections.0.blocks.0.items.0.photoUrl',
      ],
    ],
    textFields: [
      (text) => ({ id: 'b1', type: 'testimonials', items: [{ name: 'Ana', text }] }),
      (name) => ({ id: 'b1', type: 'testimonials', items: [{ name, text: 'Bom' }] }),
    ],
  },
  guarantee: {
    valid: { id: 'b1', type: 'guarantee', days: 7, text: 'Devolvemos seu dinheiro' },
    prints: ['Garantia de 7 dias', 'Devolvemos seu dinheiro'],
    invalid: [[{ days: 400 }, 'sections.0.blocks.0.days']],
    textFields: [(text) => ({ id: 'b1', type: 'guarantee', days: 7, text })],
  },
  faq: {
    valid: {
      id: 'b1',
      type: 'faq',
      items: [{ question: 'Tem certificado?', answer: 'Sim, ao final.' }],
    },
    prints: ['<summary>Tem certificado?</summary>', 'Sim, ao final.'],
    invalid: [[{ items: [{ question: '', answer: 'x' }] }, 'sections.0.blocks.0.items.0.question']],
    textFields: [
      (question) => ({ id: 'b1', type: 'faq', items: [{ question, answer: 'x' }] }),
      (answer) => ({ id: 'b1', type: 'faq', items: [{ question: 'x', answer }] }),
    ],
  },
  bullets: {
    valid: { id: 'b1', type: 'bullets', items: ['Acesso vitalício', 'Suporte'] },
    prints: ['<li>Acesso vitalício</li>', '<li>Suporte</li>'],
    invalid: [[{ items: Array(PAGE_LIMITS.listItems + 1).fill('x') }, 'sections.0.blocks.0.items']],
    textFields: [(item) => ({ id: 'b1', type: 'bullets', items: [item] })],
  },
  divider: {
    valid: { id: 'b1', type: 'divider' },
    prints: ['<hr class="b-divider">'],
    invalid: [[{ id: 'com espaço' }, 'sections.0.blocks.0.id']],
    textFields: [],
  },
  spacer: {
    valid: { id: 'b1', type: 'spacer', size: 'lg' },
    prints: ['b-spacer-lg'],
    invalid: [[{ size: 'xl' }, 'sections.0.blocks.0.size']],
    textFields: [],
  },
  capture_form: {
    stepType: 'capture',
    valid: { id: 'b1', type: 'capture_form' },
    prints: ['<form', 'action="/funil/etapa"', 'name="email"', 'Quero'],
    invalid: [],
    textFields: [],
  },
  checkout_form: {
    stepType: 'checkout',
    valid: { id: 'b1', type: 'checkout_form' },
    prints: ['data-checkout-form', 'R$ 97,00', 'name="paymentMethod"'],
    invalid: [],
    textFields: [],
  },
  upsell_offer: {
    stepType: 'upsell',
    valid: { id: 'b1', type: 'upsell_offer' },
    prints: ['Mentoria', 'R$ 97,00', 'data-upsell-accept="42"'],
    invalid: [],
    textFields: [],
  },
  order_summary: {
    stepType: 'checkout',
    valid: { id: 'b1', type: 'order_summary' },
    prints: ['Curso', 'R$ 97,00'],
    invalid: [],
    textFields: [],
  },
}

test.group('Step page blocks: validation, escaping, rendering', () => {
  for (const [type, spec] of Object.entries(CASES)) {
    const stepType = spec.stepType ?? 'vsl'

    test(`${type}: a valid block is accepted and rendered`, async ({ assert }) => {
      /** Step-only blocks are the required block of their type: no second copy of it. */
      const blocks = REQUIRED[stepType].some((block) => block.type === type)
        ? [spec.valid]
        : [spec.valid, ...REQUIRED[stepType]]
      const stepPage: StepPage = {
        version: 1,
        sections: [{ id: 's1', background: null, blocks }],
      }
      assert.deepEqual(await rejected(stepPage, stepType), [])
      const html = await render(stepPage, stepType)
      for (const text of spec.prints) assert.include(html, text)
    })

    for (const [change, field] of spec.invalid) {
      test(`${type}: ${JSON.stringify(change).slice(0, 60)} is reported at ${field}`, async ({
        assert,
      }) => {
        const bad = page([{ ...spec.valid, ...change } as PageBlock], stepType)
        const fields = (await rejected(bad, stepType)).map(([name]) => name)
        assert.include(fields, field)
      })
    }

    for (const [index, make] of spec.textFields.entries()) {
      test(`${type}: <script> in text field ${index + 1} is printed escaped`, async ({
        assert,
      }) => {
        const stepPage = page([make(`${XSS} fim`)], stepType)
        assert.deepEqual(await rejected(stepPage, stepType), [])
        const html = await render(stepPage, stepType)
        assert.notInclude(html, XSS)
        assert.include(html, ESCAPED)
      })
    }
  }

  test('step-only blocks are refused on other step types and not drawn there', async ({
    assert,
  }) => {
    for (const [type, stepType] of [
      ['capture_form', 'vsl'],
      ['checkout_form', 'capture'],
      ['order_summary', 'upsell'],
      ['upsell_offer', 'thankyou'],
    ] as const) {
      const stepPage = page([{ id: 'x1', type } as PageBlock], stepType)
      assert.deepInclude(await rejected(stepPage, stepType), [
        'sections.0.blocks.0.type',
        'block_step_type',
      ])
    }
    /** A stored page is not trusted either: the renderer skips a misplaced form. */
    const html = await render(page([{ id: 'x1', type: 'capture_form' }]), 'vsl')
    assert.notInclude(html, '<form')
  })

  test('the required block exactly once; unknown types; unique ids; limits', async ({ assert }) => {
    assert.deepEqual(await rejected(page([]), 'vsl'), [])
    assert.deepInclude(await rejected(page([], 'vsl'), 'capture'), ['sections', 'required_block'])
    assert.deepInclude(
      await rejected(page([{ id: 'x2', type: 'upsell_offer' }], 'upsell'), 'upsell'),
      ['sections', 'required_block']
    )
    assert.deepInclude(await rejected(page([{ id: 'b1', type: 'banner' } as any])), [
      'sections.0.blocks.0',
      'block_type',
    ])
    const duplicate = page([
      { id: 'b1', type: 'divider' },
      { id: 'b2', type: 'divider' },
      { id: 's1', type: 'divider' },
      { id: 'b1', type: 'divider' },
    ])
    assert.sameDeepMembers(await rejected(duplicate), [
      ['sections.0.blocks.2.id', 'page_id'],
      ['sections.0.blocks.3.id', 'page_id'],
    ])
    const tooManySections: StepPage = {
      version: 1,
      sections: Array.from({ length: PAGE_LIMITS.sections + 1 }, (_, i) => ({
        id: `s${i}`,
        background: null,
        blocks: [],
      })),
    }
    assert.deepInclude(await rejected(tooManySections), ['sections', 'array.maxLength'])
    const tooManyBlocks = page(
      Array.from({ length: PAGE_LIMITS.blocksPerSection + 1 }, (_, i) => ({
        id: `d${i}`,
        type: 'divider' as const,
      }))
    )
    assert.deepInclude(await rejected(tooManyBlocks), ['sections.0.blocks', 'array.maxLength'])
    assert.deepInclude(
      await rejected({ ...page([]), sections: [{ id: 's1', background: 'red', blocks: [] }] }),
      ['sections.0.background', 'regex']
    )
  })

  test('a section background is a #rrggbb colour; a stored bad one is dropped', async ({
    assert,
  }) => {
    const coloured: StepPage = {
      version: 1,
      sections: [{ id: 's1', background: '#FFEEDD', blocks: [] }],
    }
    assert.include(await render(coloured), 'style="background:#ffeedd"')
    const hostile = {
      version: 1,
      sections: [{ id: 's1', background: 'red;}</style><script>x()</script>', blocks: [] }],
    } as unknown as StepPage
    const html = await render(hostile)
    assert.notInclude(html, '<script>x()')
    assert.notInclude(html, 'style="background')
  })

  test('only countdowns and delayed buttons add behaviour: every block still shares the one inline script', async ({
    assert,
  }) => {
    const html = await render(
      page([
        { id: 'c1', type: 'countdown', minutes: 5, label: 'Acaba em' },
        { id: 'c2', type: 'countdown', minutes: 9, label: 'Bônus acaba em' },
        { id: 'b1', type: 'button', label: 'A', action: 'next', delaySeconds: 5 },
      ])
    )
    assert.lengthOf([...html.matchAll(/<script>/g)], 1)
    assert.notMatch(html, /<script[^>]+src=/)
    assert.include(html, "querySelectorAll('[data-countdown-minutes]')")
    assert.include(html, 'data-countdown-key="7-42-c2-9"')
  })

  test('a preview draws a missing video as a placeholder; the public page leaves it out', async ({
    assert,
  }) => {
    const stepPage = page([{ id: 'v1', type: 'video', url: '' }])
    assert.include(await render(stepPage, 'vsl', { mode: 'preview' }), 'video-missing')
    assert.notInclude(await render(stepPage), 'class="video"')
  })
})
