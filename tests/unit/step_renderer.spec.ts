import { test } from '@japa/runner'
import { renderStep, videoEmbed, type RenderStepOptions } from '#services/step_renderer'
import { defaultCheckoutConfig } from '#services/step_renderer/checkout_data'

const workspace = { name: 'Loja da Ana', slug: 'loja-ana' }
const funnel = { id: 7, name: 'Black Friday', slug: 'black-friday', settings: {} }
const XSS = '<script>alert("x")</script>'

function options(
  stepType: string,
  content: Record<string, unknown>,
  overrides: Partial<RenderStepOptions> = {}
): RenderStepOptions {
  return {
    workspace,
    funnel,
    step: { id: 42, name: 'Etapa', slug: 'etapa', stepType, content, settings: {}, version: 3 },
    mode: 'public',
    urls: {},
    locale: 'pt-BR',
    ...overrides,
  }
}

function checkoutConfig(overrides: Record<string, unknown> = {}) {
  return { ...defaultCheckoutConfig({ name: 'Curso' }), ...overrides }
}

/** The document's inline scripts: the only scripts a step page may contain. */
function scripts(html: string) {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1])
}

test.group('Step renderer', () => {
  test('renders a complete, self-contained, mobile-first document', async ({ assert }) => {
    const html = await renderStep(
      options('capture', { headline: 'Receba o e-book', fields: ['email'], buttonLabel: 'Quero' })
    )
    assert.match(html, /^<!DOCTYPE html>\s*<html lang="pt-BR">/)
    assert.include(html, '<meta name="viewport" content="width=device-width, initial-scale=1')
    assert.include(html, '<title>Receba o e-book</title>')
    assert.include(html, '<style>')
    assert.notMatch(html, /<link[^>]+stylesheet|<script[^>]+src=/, 'no external CSS or JS')
    assert.notInclude(html, '/assets/', 'nothing from the admin bundle')
    assert.lengthOf(scripts(html), 1)
    assert.isBelow(scripts(html)[0].length, 5000, 'a few KB of inline JS at most')
    assert.include(html, 'Loja da Ana')
  })

  test('capture: headline, text and a form that posts without JavaScript', async ({ assert }) => {
    const html = await renderStep(
      options(
        'capture',
        {
          headline: 'Aula gratuita',
          text: 'Inscreva-se agora',
          fields: ['phone', 'name', 'email'],
          buttonLabel: 'Garantir vaga',
        },
        { urls: { formAction: '/_funil/leads/42' } }
      )
    )
    assert.include(html, '<h1>Aula gratuita</h1>')
    assert.include(html, 'Inscreva-se agora')
    assert.match(html, /<form[^>]*method="post"[^>]*action="\/_funil\/leads\/42"/)
    assert.include(html, 'Garantir vaga')
    /** The configured fields, in the configured order. */
    const names = [...html.matchAll(/<input[^>]*name="(\w+)"/g)].map((m) => m[1])
    assert.deepEqual(names, ['phone', 'name', 'email'])
    assert.match(html, /<input[^>]*name="email"[^>]*type="email"[^>]*autocomplete="email"/)
    assert.match(html, /name="phone"[^>]*type="tel"[\s\S]*?inputmode="tel"/)
    assert.notMatch(html, /<body[^>]*data-preview/)
    assert.notInclude(html, 'Pré-visualização')
  })

  test('vsl: YouTube, Vimeo and mp4 videos, and a delayed call to action', async ({ assert }) => {
    const youtube = await renderStep(
      options(
        'vsl',
        {
          headline: 'Assista',
          videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
          ctaLabel: 'Comprar',
          ctaDelaySeconds: 30,
        },
        { urls: { nextStepUrl: '/black-friday/checkout' } }
      )
    )
    assert.match(youtube, /<iframe[^>]*src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ/)
    assert.match(youtube, /data-cta-delay="30" hidden/)
    assert.match(
      youtube,
      /<noscript>\s*<div class="cta">\s*<a [^>]*href="\/black-friday\/checkout">Comprar<\/a>/
    )
    assert.include(scripts(youtube)[0], 'data-cta-delay')

    const vimeo = await renderStep(
      options('vsl', { videoUrl: 'https://vimeo.com/76979871', ctaLabel: 'Ir', ctaDelaySeconds: 0 })
    )
    assert.match(vimeo, /<iframe[^>]*src="https:\/\/player\.vimeo\.com\/video\/76979871/)
    assert.notMatch(vimeo, /data-cta-delay="0" hidden/, 'no delay: visible at once')

    const mp4 = await renderStep(
      options('vsl', {
        videoUrl: 'https://cdn.exemplo.com.br/vsl.mp4',
        ctaLabel: 'Ir',
        ctaDelaySeconds: 5,
      })
    )
    assert.match(
      mp4,
      /<video controls playsinline[^>]*src="https:\/\/cdn\.exemplo\.com\.br\/vsl\.mp4"/
    )
    assert.notInclude(mp4, '<iframe')

    const broken = await renderStep(
      options('vsl', { videoUrl: 'javascript:alert(1)', ctaLabel: 'Ir', ctaDelaySeconds: 0 })
    )
    assert.include(broken, 'Vídeo indisponível')
    assert.notInclude(broken, 'javascript:')
  })

  test('video links become embed URLs', ({ assert }) => {
    const cases: Array<[string, string | null]> = [
      [
        'https://youtu.be/dQw4w9WgXcQ',
        'https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0&playsinline=1',
      ],
      [
        'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
        'https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0&playsinline=1',
      ],
      [
        'https://www.youtube.com/shorts/dQw4w9WgXcQ',
        'https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0&playsinline=1',
      ],
      [
        'http://www.youtube.com/embed/dQw4w9WgXcQ',
        'https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0&playsinline=1',
      ],
      ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
      [
        'https://vimeo.com/76979871/abc123def',
        'https://player.vimeo.com/video/76979871?h=abc123def&dnt=1',
      ],
      ['https://player.vimeo.com/video/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
      ['https://cdn.exemplo.com/aula.MP4', 'https://cdn.exemplo.com/aula.MP4'],
      ['https://www.youtube.com/watch?v=curto', null],
      ['https://exemplo.com/pagina', null],
      ['ftp://exemplo.com/video.mp4', null],
      ['not a url', null],
    ]
    for (const [input, expected] of cases) {
      assert.equal(videoEmbed(input)?.src ?? null, expected, input)
    }
    assert.equal(videoEmbed('https://cdn.exemplo.com/aula.mp4')?.kind, 'file')
  })

  test('checkout: product, BRL price, fields, bumps, guarantee, testimonials, colour', async ({
    assert,
  }) => {
    const html = await renderStep(
      options(
        'checkout',
        { headline: 'Falta pouco!' },
        {
          checkoutConfig: checkoutConfig({
            productName: 'Curso de Confeitaria',
            productPriceCents: 19700,
            fieldsConfig: { name: true, email: true, phone: false, cpf: true },
            designConfig: {
              primaryColor: '#7C3AED',
              backgroundColor: '#fafafa',
              logoUrl: 'https://cdn.exemplo.com/logo.png',
              countdownMinutes: 15,
              guaranteeText: '7 dias de garantia',
              testimonials: [{ name: 'Maria Souza', text: 'Amei o curso', photoUrl: null }],
            },
            orderBumps: [
              {
                name: 'Apostila impressa',
                priceCents: 2990,
                description: 'Em casa',
                imageUrl: null,
              },
              { name: 'Mentoria', priceCents: 123456, description: null, imageUrl: null },
            ],
          }),
        }
      )
    )
    assert.include(html, 'Curso de Confeitaria')
    assert.include(html, 'R$ 197,00')
    assert.include(html, '<h1>Falta pouco!</h1>')
    assert.include(html, '--primary: #7c3aed;')
    assert.include(html, '--bg: #fafafa;')
    assert.match(html, /<img class="logo" src="https:\/\/cdn\.exemplo\.com\/logo\.png"/)
    assert.match(html, /data-countdown-minutes="15"/)
    assert.include(html, '15:00')

    assert.match(html, /name="name"[^>]*type="text"[^>]*autocomplete="name"/)
    assert.match(
      html,
      /name="email"[^>]*type="email"[^>]*autocomplete="email"[\s\S]*?inputmode="email"/
    )
    assert.match(html, /name="cpf"[^>]*type="text"[\s\S]*?inputmode="numeric"/)
    assert.notMatch(html, /name="phone"/, 'phone is not asked')

    assert.match(html, /type="checkbox" name="bumps\[\]" value="0" data-bump-cents="2990"/)
    assert.match(html, /type="checkbox" name="bumps\[\]" value="1" data-bump-cents="123456"/)
    assert.include(html, 'Sim, quero adicionar por R$ 29,90')
    assert.include(html, 'R$ 1.234,56')
    assert.match(html, /<output data-total data-base-cents="19700"[^>]*>R\$ 197,00<\/output>/)
    const script = scripts(html)[0]
    assert.include(script, 'data-bump-cents')
    assert.include(script, 'data-total')
    assert.include(script, "'R$ '")

    assert.include(html, '7 dias de garantia')
    assert.include(html, 'Amei o curso')
    assert.include(html, 'Maria Souza')
    assert.match(
      html,
      /<button class="btn btn-lg btn-block" type="submit">Finalizar compra<\/button>/
    )
  })

  test('checkout without a saved configuration shows the defaults', async ({ assert }) => {
    const html = await renderStep(options('checkout', {}))
    assert.include(html, 'Etapa')
    assert.include(html, 'R$ 97,00')
    assert.notMatch(html, /<div[^>]*data-countdown-minutes/, 'no countdown by default')
  })

  test('upsell: offer, price and accept/decline links', async ({ assert }) => {
    const html = await renderStep(
      options(
        'upsell',
        {
          headline: 'Leve a mentoria',
          offer: { name: 'Mentoria VIP', description: '4 encontros', priceCents: 49700 },
          acceptLabel: 'Sim, adicionar',
          declineLabel: 'Não quero',
        },
        { urls: { acceptUrl: '/_funil/upsell/accept', declineUrl: '/bf/obrigado' } }
      )
    )
    assert.include(html, 'Mentoria VIP')
    assert.include(html, '4 encontros')
    assert.include(html, 'R$ 497,00')
    assert.match(html, /href="\/_funil\/upsell\/accept">Sim, adicionar<\/a>/)
    assert.match(html, /href="\/bf\/obrigado">Não quero<\/a>/)
  })

  test('thank-you: message and safe links only', async ({ assert }) => {
    const html = await renderStep(
      options('thankyou', {
        message: 'Compra confirmada!',
        links: [
          { label: 'Acessar a área de membros', url: 'https://membros.exemplo.com' },
          { label: 'Grupo VIP', url: 'javascript:alert(1)' },
        ],
      })
    )
    assert.include(html, 'Compra confirmada!')
    assert.match(
      html,
      /href="https:\/\/membros\.exemplo\.com\/"[^>]*>Acessar a área de membros<\/a>/
    )
    assert.notInclude(html, 'javascript:')
    assert.notInclude(html, 'Grupo VIP')
  })

  test('escapes user content everywhere', async ({ assert }) => {
    const pages = [
      await renderStep(
        options('capture', { headline: XSS, text: XSS, fields: ['name'], buttonLabel: XSS })
      ),
      await renderStep(
        options('vsl', { headline: XSS, videoUrl: XSS, ctaLabel: XSS, ctaDelaySeconds: 1 })
      ),
      await renderStep(
        options('upsell', {
          headline: XSS,
          offer: { name: XSS, description: XSS, priceCents: 100 },
          acceptLabel: XSS,
          declineLabel: XSS,
        })
      ),
      await renderStep(
        options('thankyou', { message: XSS, links: [{ label: XSS, url: 'https://x.com' }] })
      ),
      await renderStep(
        options(
          'checkout',
          { headline: XSS, text: XSS },
          {
            workspace: { name: XSS, slug: 'x' },
            checkoutConfig: checkoutConfig({
              productName: XSS,
              designConfig: {
                primaryColor: 'red;}</style><script>alert(1)</script>',
                backgroundColor: '#fff',
                logoUrl: 'javascript:alert(1)',
                countdownMinutes: 0,
                guaranteeText: XSS,
                testimonials: [{ name: XSS, text: XSS, photoUrl: '" onerror="alert(1)' }],
              },
              orderBumps: [{ name: XSS, priceCents: 100, description: XSS, imageUrl: null }],
            }),
          }
        )
      ),
    ]
    for (const html of pages) {
      assert.notInclude(html, XSS)
      assert.include(html, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
      assert.lengthOf(scripts(html), 1, 'only the renderer’s own script')
      assert.notInclude(html, 'javascript:')
      assert.notInclude(html, 'onerror')
    }
    assert.include(pages[4], `--primary: #15803d;`, 'an invalid colour falls back to the default')
  })

  test('preview mode: ribbon, inert forms, disabled payment, not indexed', async ({ assert }) => {
    const html = await renderStep(
      options('checkout', {}, { mode: 'preview', urls: { formAction: '/_funil/pay' } })
    )
    assert.include(html, 'Pré-visualização')
    assert.match(html, /<body[^>]*data-preview/)
    assert.include(html, '<meta name="robots" content="noindex, nofollow">')
    assert.notInclude(html, 'action="/_funil/pay"', 'the form posts nowhere')
    assert.match(html, /type="submit" disabled>Finalizar compra/)
    assert.include(scripts(html)[0], 'preventDefault')

    const capture = await renderStep(
      options(
        'capture',
        { headline: 'x', fields: ['email'], buttonLabel: 'Ir' },
        { mode: 'preview' }
      )
    )
    assert.match(capture, /type="submit" disabled>Ir/)
  })

  test('the page speaks the requested language', async ({ assert }) => {
    const html = await renderStep(options('checkout', {}, { locale: 'en', mode: 'preview' }))
    assert.include(html, '<html lang="en">')
    assert.include(html, 'Complete purchase')
    assert.include(html, 'Preview')
  })

  test('holds nothing specific to a visitor: same input, same HTML', async ({ assert }) => {
    const input = options('checkout', {}, { checkoutConfig: checkoutConfig({ productName: 'X' }) })
    assert.equal(await renderStep(input), await renderStep(input))
  })
})
