import type { Locale } from '#services/i18n'
import type { FunnelSnapshot } from '../../app/types/funnel_snapshot.js'
import { TINTS, copyFor, page } from './builder.js'

const CHECKOUT = 1
const UPSELL = 2
const THANKYOU = 3

/** "Checkout direto com upsell": traffic lands on the checkout, then a one-click upsell. */
export function directCheckoutTemplate(locale: Locale): FunnelSnapshot {
  const c = copyFor(locale)
  const product = c('E-book + videoaulas', 'E-book + video lessons')
  const upsellName = c('Acompanhamento premium (30 dias)', 'Premium coaching (30 days)')

  return {
    version: 1,
    funnel: {
      name: c('Checkout direto com upsell', 'Direct checkout with upsell'),
      description: c(
        'Checkout PIX com order bump como primeira página, upsell de um clique e página de obrigado.',
        'A PIX checkout with an order bump as the landing page, a one-click upsell and a thank-you page.'
      ),
      niche: null,
      settings: {},
    },
    steps: [
      {
        ref: CHECKOUT,
        name: 'Checkout',
        slug: 'checkout',
        stepType: 'checkout',
        isActive: true,
        settings: {},
        content: {
          headline: product,
          text: c('Acesso imediato após o PIX.', 'Instant access after the PIX payment.'),
        },
        page: page(
          {
            background: TINTS.warm,
            blocks: [
              {
                type: 'countdown',
                minutes: 10,
                label: c('Seu desconto está reservado por', 'Your discount is reserved for'),
              },
            ],
          },
          {
            blocks: [
              { type: 'headline', level: 1, align: 'center', text: product },
              {
                type: 'bullets',
                items: [
                  c('E-book completo em PDF', 'The complete PDF e-book'),
                  c('6 videoaulas curtas e práticas', '6 short, practical video lessons'),
                  c('Acesso imediato e vitalício', 'Instant, lifetime access'),
                ],
              },
              { type: 'order_summary' },
              { type: 'checkout_form' },
              {
                type: 'guarantee',
                days: 7,
                text: c(
                  'Garantia incondicional de 7 dias: não gostou, devolvemos seu dinheiro.',
                  'Unconditional 7-day guarantee: not happy, money back.'
                ),
              },
            ],
          },
          {
            background: TINTS.soft,
            blocks: [
              {
                type: 'testimonials',
                items: [
                  {
                    name: 'Fernanda R.',
                    text: c(
                      'Li em uma tarde e já apliquei no dia seguinte.',
                      'I read it in one afternoon and applied it the next day.'
                    ),
                  },
                  {
                    name: 'Bruno A.',
                    text: c(
                      'As videoaulas valem o preço sozinhas.',
                      'The video lessons alone are worth the price.'
                    ),
                  },
                ],
              },
              {
                type: 'faq',
                items: [
                  {
                    question: c('Como pago?', 'How do I pay?'),
                    answer: c(
                      'Por PIX: o QR Code aparece na hora e a confirmação é automática.',
                      'With PIX: the QR code shows at once and confirmation is automatic.'
                    ),
                  },
                  {
                    question: c('Quando recebo?', 'When do I get it?'),
                    answer: c(
                      'Logo após a confirmação do pagamento, no seu e-mail.',
                      'Right after the payment is confirmed, in your inbox.'
                    ),
                  },
                ],
              },
            ],
          }
        ),
      },
      {
        ref: UPSELL,
        name: c('Oferta especial', 'Special offer'),
        slug: c('oferta-especial', 'special-offer'),
        stepType: 'upsell',
        isActive: true,
        settings: {},
        content: {
          headline: c('Quer resultado mais rápido?', 'Want results faster?'),
          text: c(
            'Adicione o acompanhamento com um clique, sem digitar nada de novo.',
            'Add the coaching with one click, no need to type anything again.'
          ),
          offer: {
            name: upsellName,
            description: c(
              'Suporte direto por 30 dias para aplicar o método no seu negócio.',
              'Direct support for 30 days to apply the method to your business.'
            ),
            priceCents: 9700,
            imageUrl: null,
          },
          acceptLabel: c('Sim, quero o acompanhamento', 'Yes, add the coaching'),
          declineLabel: c('Não, vou seguir sozinho', 'No, I will go on my own'),
          acceptStepId: THANKYOU,
          declineStepId: THANKYOU,
        },
        page: page(
          {
            background: TINTS.cool,
            blocks: [
              {
                type: 'headline',
                level: 1,
                align: 'center',
                text: c('Quer resultado mais rápido?', 'Want results faster?'),
              },
              {
                type: 'text',
                align: 'center',
                text: c(
                  'Adicione o acompanhamento com um clique, sem digitar nada de novo.',
                  'Add the coaching with one click, no need to type anything again.'
                ),
              },
            ],
          },
          {
            blocks: [
              { type: 'upsell_offer' },
              {
                type: 'testimonials',
                items: [
                  {
                    name: 'Larissa C.',
                    text: c(
                      'O acompanhamento encurtou meu caminho em meses.',
                      'The coaching saved me months.'
                    ),
                  },
                ],
              },
            ],
          }
        ),
      },
      {
        ref: THANKYOU,
        name: c('Obrigado', 'Thank you'),
        slug: c('obrigado', 'thank-you'),
        stepType: 'thankyou',
        isActive: true,
        settings: {},
        content: {
          message: c(
            'Compra confirmada! O acesso chega no seu e-mail em instantes.',
            'Purchase confirmed! Access arrives in your inbox in a moment.'
          ),
          links: [],
        },
        page: page({
          background: TINTS.fresh,
          blocks: [
            {
              type: 'headline',
              level: 1,
              align: 'center',
              text: c('Obrigado pela compra!', 'Thank you for your purchase!'),
            },
            {
              type: 'text',
              align: 'center',
              text: c(
                'Compra confirmada! O acesso chega no seu e-mail em instantes.',
                'Purchase confirmed! Access arrives in your inbox in a moment.'
              ),
            },
            { type: 'divider' },
            {
              type: 'text',
              align: 'center',
              text: c(
                'Dúvidas? Responda o e-mail de confirmação que a nossa equipe ajuda.',
                'Questions? Reply to the confirmation e-mail and our team will help.'
              ),
            },
          ],
        }),
      },
    ],
    checkoutConfigs: [
      {
        stepRef: CHECKOUT,
        productName: product,
        productPriceCents: 4700,
        currency: 'BRL',
        paymentMethods: ['pix'],
        fieldsConfig: { name: true, email: true, phone: true, cpf: true },
        designConfig: { countdownMinutes: 0, guaranteeText: null, testimonials: [] },
        orderBumps: [
          {
            name: c('Checklist de aplicação', 'Action checklist'),
            priceCents: 1700,
            description: c(
              'Uma página para imprimir e marcar cada passo.',
              'A printable page to tick off each step.'
            ),
            imageUrl: null,
          },
        ],
        upsellConfig: { stepId: UPSELL },
      },
    ],
  }
}
