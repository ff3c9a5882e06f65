import type Workspace from '#models/workspace'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { CheckoutConfigFactory } from '#database/factories/checkout_config_factory'
import CheckoutConfig from '#models/checkout_config'
import type FunnelStep from '#models/funnel_step'
import { publish } from '#tests/helpers/publish'

/** Content of each step type, as the funnel builder stores it (app/types/step_content.ts). */
export const CONTENT = {
  capture: { headline: 'Aula gratuita', fields: ['name', 'email'], buttonLabel: 'Quero' },
  vsl: {
    headline: 'Assista ao vídeo',
    videoUrl: 'https://youtu.be/dQw4w9WgXcQ',
    ctaLabel: 'Comprar agora',
    ctaDelaySeconds: 20,
  },
  checkout: { headline: 'Falta pouco!' },
  upsell: {
    headline: 'Leve também',
    offer: { name: 'Mentoria VIP', priceCents: 49700 },
    acceptLabel: 'Sim',
    declineLabel: 'Não',
  },
  thankyou: { message: 'Obrigado pela compra!', links: [] },
} as const

/**
 * A funnel of the workspace with a capture, a checkout, an upsell and a thank-you step.
 * `withConfig` saves a configuration for the checkout step. The funnel is published.
 */
export async function checkoutFunnel(workspace: Workspace, options: { withConfig?: boolean } = {}) {
  const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
  const types = ['capture', 'checkout', 'upsell', 'thankyou'] as const
  const steps: Record<(typeof types)[number], FunnelStep> = {} as any
  for (const [orderIndex, stepType] of types.entries()) {
    steps[stepType] = await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      orderIndex,
      stepType,
      name: `Etapa ${stepType}`,
      content: CONTENT[stepType] as any,
    }).create()
  }
  const config = options.withConfig
    ? await CheckoutConfigFactory.merge({
        workspaceId: workspace.id,
        funnelId: funnel.id,
        stepId: steps.checkout.id,
        productName: 'Curso de Confeitaria',
        productPriceCents: 19700,
      }).create()
    : null
  /** Published, as an agency would before sending visitors (the public side serves that). */
  await publish(funnel)
  return { funnel, steps, checkout: steps.checkout, config }
}

/** A complete, valid configuration as the editor or an API client sends it. */
export function validPayload(overrides: Record<string, unknown> = {}) {
  return {
    productName: 'Curso Completo de Confeitaria',
    productPriceCents: 29700,
    currency: 'BRL',
    paymentMethods: ['pix'],
    fieldsConfig: { name: true, email: true, phone: false, cpf: true },
    designConfig: {
      primaryColor: '#7c3aed',
      backgroundColor: '#fafafa',
      logoUrl: 'https://cdn.exemplo.com.br/logo.png',
      countdownMinutes: 15,
      guaranteeText: '7 dias de garantia incondicional',
      testimonials: [{ name: 'Maria', text: 'Mudou minha vida', photoUrl: null }],
    },
    orderBumps: [
      {
        name: 'Apostila impressa',
        priceCents: 2990,
        description: 'Receba em casa',
        imageUrl: null,
      },
    ],
    upsellConfig: { stepId: null },
    ...overrides,
  }
}

/** Invalid inputs, one rule each: [description, payload, field, rule]. */
export function invalidPayloads(): Array<[string, Record<string, unknown>, string, string]> {
  const design = validPayload().designConfig
  const bump = validPayload().orderBumps[0]
  return [
    ['no product name', validPayload({ productName: undefined }), 'productName', 'required'],
    ['blank product name', validPayload({ productName: '   ' }), 'productName', 'required'],
    [
      'long product name',
      validPayload({ productName: 'x'.repeat(256) }),
      'productName',
      'maxLength',
    ],
    ['no price', validPayload({ productPriceCents: undefined }), 'productPriceCents', 'required'],
    ['price below R$ 1,00', validPayload({ productPriceCents: 99 }), 'productPriceCents', 'min'],
    [
      'price with decimals',
      validPayload({ productPriceCents: 197.5 }),
      'productPriceCents',
      'withoutDecimals',
    ],
    ['price as text', validPayload({ productPriceCents: 'caro' }), 'productPriceCents', 'number'],
    ['another currency', validPayload({ currency: 'USD' }), 'currency', 'enum'],
    [
      'card payments',
      validPayload({ paymentMethods: ['pix', 'card'] }),
      'paymentMethods.1',
      'enum',
    ],
    [
      'no payment method',
      validPayload({ paymentMethods: [] }),
      'paymentMethods',
      'array.minLength',
    ],
    [
      'field flag not boolean',
      validPayload({ fieldsConfig: { name: 'talvez', email: true, phone: true, cpf: true } }),
      'fieldsConfig.name',
      'boolean',
    ],
    [
      'named colour',
      validPayload({ designConfig: { ...design, primaryColor: 'red' } }),
      'designConfig.primaryColor',
      'regex',
    ],
    [
      'short hex colour',
      validPayload({ designConfig: { ...design, backgroundColor: '#fff' } }),
      'designConfig.backgroundColor',
      'regex',
    ],
    [
      'http logo',
      validPayload({ designConfig: { ...design, logoUrl: 'http://cdn.exemplo.com/logo.png' } }),
      'designConfig.logoUrl',
      'url',
    ],
    [
      'javascript logo',
      validPayload({ designConfig: { ...design, logoUrl: 'javascript:alert(1)' } }),
      'designConfig.logoUrl',
      'url',
    ],
    [
      'negative countdown',
      validPayload({ designConfig: { ...design, countdownMinutes: -1 } }),
      'designConfig.countdownMinutes',
      'min',
    ],
    [
      'countdown over 240',
      validPayload({ designConfig: { ...design, countdownMinutes: 241 } }),
      'designConfig.countdownMinutes',
      'max',
    ],
    [
      'long guarantee',
      validPayload({ designConfig: { ...design, guaranteeText: 'x'.repeat(1001) } }),
      'designConfig.guaranteeText',
      'maxLength',
    ],
    [
      '11 testimonials',
      validPayload({
        designConfig: {
          ...design,
          testimonials: Array.from({ length: 11 }, () => ({ name: 'A', text: 'B' })),
        },
      }),
      'designConfig.testimonials',
      'array.maxLength',
    ],
    [
      'testimonial without text',
      validPayload({ designConfig: { ...design, testimonials: [{ name: 'Ana' }] } }),
      'designConfig.testimonials.0.text',
      'required',
    ],
    [
      'testimonial photo over http',
      validPayload({
        designConfig: {
          ...design,
          testimonials: [{ name: 'Ana', text: 'Ótimo', photoUrl: 'http://x.com/a.jpg' }],
        },
      }),
      'designConfig.testimonials.0.photoUrl',
      'url',
    ],
    [
      '6 order bumps',
      validPayload({ orderBumps: Array.from({ length: 6 }, () => bump) }),
      'orderBumps',
      'array.maxLength',
    ],
    [
      'bump without name',
      validPayload({ orderBumps: [{ ...bump, name: undefined }] }),
      'orderBumps.0.name',
      'required',
    ],
    [
      'free bump',
      validPayload({ orderBumps: [{ ...bump, priceCents: 0 }] }),
      'orderBumps.0.priceCents',
      'min',
    ],
    [
      'bump price with decimals',
      validPayload({ orderBumps: [{ ...bump, priceCents: 29.9 }] }),
      'orderBumps.0.priceCents',
      'withoutDecimals',
    ],
    [
      'bump image over http',
      validPayload({ orderBumps: [{ ...bump, imageUrl: 'http://x.com/a.jpg' }] }),
      'orderBumps.0.imageUrl',
      'url',
    ],
    [
      'unknown upsell step',
      validPayload({ upsellConfig: { stepId: 999999 } }),
      'upsellConfig.stepId',
      'database.exists',
    ],
  ]
}

export async function configCount(stepId: number) {
  const rows = await CheckoutConfig.query().where('step_id', stepId)
  return rows.length
}
