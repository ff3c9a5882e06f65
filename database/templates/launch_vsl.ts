import type { Locale } from '#services/i18n'
import type { FunnelSnapshot } from '../../app/types/funnel_snapshot.js'
import { TINTS, copyFor, page } from './builder.js'

/** Step refs inside the snapshot (turned into the new steps' ids on apply). */
const CAPTURE = 1
const VSL = 2
const CHECKOUT = 3
const UPSELL = 4
const THANKYOU = 5

/**
 * "Lançamento com VSL": a free class sign-up, the sales video with a delayed call to action,
 * the PIX checkout with an order bump, a one-click upsell and the thank-you page.
 */
export function launchVslTemplate(locale: Locale): FunnelSnapshot {
  const c = copyFor(locale)
  const product = c('Método Acelerado', 'Accelerated Method')
  const upsellName = c('Mentoria em grupo (3 meses)', 'Group mentoring (3 months)')

  return {
    version: 1,
    funnel: {
      name: c('Lançamento com VSL', 'Launch with VSL'),
      description: c(
        'Captura de leads, aula em vídeo (VSL), checkout PIX com order bump, upsell de um clique e página de obrigado.',
        'Lead capture, video sales letter, PIX checkout with an order bump, one-click upsell and thank-you page.'
      ),
      niche: c('Infoprodutos', 'Info products'),
      settings: {},
    },
    steps: [
      {
        ref: CAPTURE,
        name: c('Captura', 'Sign-up'),
        slug: c('inscricao', 'sign-up'),
        stepType: 'capture',
        isActive: true,
        settings: {},
        content: {
          headline: c(
            'Aula gratuita: do zero às primeiras vendas',
            'Free class: from zero to your first sales'
          ),
          text: c(
            'Inscreva-se e receba o link da aula no seu e-mail.',
            'Sign up and get the class link in your inbox.'
          ),
          fields: ['name', 'email'],
          buttonLabel: c('Quero assistir à aula', 'I want to watch the class'),
          nextStepId: VSL,
        },
        page: page(
          {
            background: TINTS.cool,
            blocks: [
              {
                type: 'headline',
                level: 1,
                align: 'center',
                text: c(
                  'Aula gratuita: do zero às primeiras vendas',
                  'Free class: from zero to your first sales'
                ),
              },
              {
                type: 'text',
                align: 'center',
                text: c(
                  'Em 40 minutos, o passo a passo que usamos para tirar um produto do papel e fazer as primeiras vendas pela internet.',
                  'In 40 minutes, the step-by-step we use to take a product off the drawing board and make its first sales online.'
                ),
              },
            ],
          },
          {
            blocks: [
              {
                type: 'bullets',
                items: [
                  c(
                    'Como escolher a oferta certa para o seu público',
                    'How to pick the right offer for your audience'
                  ),
                  c(
                    'O roteiro de vídeo que converte sem parecer venda',
                    'The video script that converts without feeling salesy'
                  ),
                  c(
                    'Como receber por PIX na hora, sem burocracia',
                    'How to get paid instantly by PIX'
                  ),
                ],
              },
              { type: 'capture_form' },
              {
                type: 'text',
                align: 'center',
                text: c(
                  'Seus dados estão seguros. Você pode sair da lista quando quiser.',
                  'Your data is safe. You can unsubscribe at any time.'
                ),
              },
            ],
          },
          {
            background: TINTS.soft,
            blocks: [
              {
                type: 'headline',
                level: 2,
                align: 'center',
                text: c('Quem já assistiu', 'Who already watched'),
              },
              {
                type: 'testimonials',
                items: [
                  {
                    name: 'Carla M.',
                    text: c(
                      'Saí da aula com um plano claro e fiz minha primeira venda na mesma semana.',
                      'I left the class with a clear plan and made my first sale that same week.'
                    ),
                  },
                  {
                    name: 'Rafael S.',
                    text: c(
                      'Direto ao ponto, sem enrolação. Valeu cada minuto.',
                      'Straight to the point. Worth every minute.'
                    ),
                  },
                ],
              },
            ],
          }
        ),
      },
      {
        ref: VSL,
        name: c('Aula (VSL)', 'Class (VSL)'),
        slug: c('aula', 'class'),
        stepType: 'vsl',
        isActive: true,
        settings: {},
        /** The video URL is the agency's own: the builder asks for it (the preview shows a placeholder). */
        content: {
          headline: c(
            'Assista até o final: a oferta aparece abaixo do vídeo',
            'Watch to the end: the offer shows below the video'
          ),
          videoUrl: '',
          ctaLabel: c('Quero garantir minha vaga', 'Save my spot'),
          ctaDelaySeconds: 120,
          nextStepId: CHECKOUT,
        },
        page: page(
          {
            blocks: [
              {
                type: 'headline',
                level: 1,
                align: 'center',
                text: c(
                  'Assista até o final: a oferta aparece abaixo do vídeo',
                  'Watch to the end: the offer shows below the video'
                ),
              },
              { type: 'video', url: '' },
              {
                type: 'button',
                label: c('Quero garantir minha vaga', 'Save my spot'),
                action: 'next',
                stepId: CHECKOUT,
                delaySeconds: 120,
              },
            ],
          },
          {
            background: TINTS.soft,
            blocks: [
              {
                type: 'headline',
                level: 2,
                align: 'center',
                text: c('O que você vai aprender', 'What you will learn'),
              },
              {
                type: 'bullets',
                items: [
                  c(
                    'Módulo 1: posicionamento e oferta irresistível',
                    'Module 1: positioning and an irresistible offer'
                  ),
                  c(
                    'Módulo 2: página, vídeo e checkout que vendem',
                    'Module 2: a page, video and checkout that sell'
                  ),
                  c(
                    'Módulo 3: tráfego pago com orçamento pequeno',
                    'Module 3: paid traffic on a small budget'
                  ),
                  c('Módulo 4: escala e recorrência', 'Module 4: scale and recurring revenue'),
                ],
              },
            ],
          }
        ),
      },
      {
        ref: CHECKOUT,
        name: 'Checkout',
        slug: 'checkout',
        stepType: 'checkout',
        isActive: true,
        settings: {},
        content: {
          headline: c(
            `Você está a um passo do ${product}`,
            `You are one step away from the ${product}`
          ),
          text: c('Pagamento por PIX, acesso imediato.', 'Pay with PIX, get instant access.'),
        },
        page: page(
          {
            background: TINTS.warm,
            blocks: [
              {
                type: 'countdown',
                minutes: 15,
                label: c('Condição especial termina em', 'Special price ends in'),
              },
            ],
          },
          {
            blocks: [
              {
                type: 'headline',
                level: 1,
                align: 'center',
                text: c(
                  `Você está a um passo do ${product}`,
                  `You are one step away from the ${product}`
                ),
              },
              { type: 'order_summary' },
              { type: 'checkout_form' },
              {
                type: 'guarantee',
                days: 7,
                text: c(
                  'Se em 7 dias você não gostar, devolvemos 100% do valor. Sem perguntas.',
                  'If you are not happy within 7 days, we refund 100%. No questions asked.'
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
                    name: 'Juliana P.',
                    text: c(
                      'O melhor investimento que fiz no meu negócio este ano.',
                      'The best investment I made in my business this year.'
                    ),
                  },
                  {
                    name: 'Marcos T.',
                    text: c(
                      'Conteúdo prático: apliquei e vi resultado no primeiro mês.',
                      'Practical content: I applied it and saw results in the first month.'
                    ),
                  },
                ],
              },
              {
                type: 'faq',
                items: [
                  {
                    question: c('Como recebo o acesso?', 'How do I get access?'),
                    answer: c(
                      'Assim que o PIX é confirmado, o acesso chega no seu e-mail.',
                      'As soon as the PIX payment is confirmed, access arrives in your inbox.'
                    ),
                  },
                  {
                    question: c('Por quanto tempo tenho acesso?', 'How long do I have access?'),
                    answer: c(
                      'Por 12 meses, com todas as atualizações.',
                      'For 12 months, updates included.'
                    ),
                  },
                  {
                    question: c('E se eu não gostar?', 'What if I do not like it?'),
                    answer: c(
                      'Você tem 7 dias de garantia: pede o reembolso e devolvemos tudo.',
                      'You have a 7-day guarantee: ask for a refund and we return everything.'
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
          headline: c(
            'Espere! Seu pedido ainda não terminou',
            'Wait! Your order is not complete yet'
          ),
          text: c(
            'Uma condição única para quem acabou de entrar: só nesta página.',
            'A one-time offer for new students: on this page only.'
          ),
          offer: {
            name: upsellName,
            description: c(
              'Encontros ao vivo toda semana para tirar dúvidas e revisar a sua oferta.',
              'Weekly live sessions to answer your questions and review your offer.'
            ),
            priceCents: 9700,
            imageUrl: null,
          },
          acceptLabel: c('Sim, quero a mentoria', 'Yes, add the mentoring'),
          declineLabel: c('Não, obrigado', 'No, thanks'),
          acceptStepId: THANKYOU,
          declineStepId: THANKYOU,
        },
        page: page(
          {
            background: TINTS.warm,
            blocks: [
              {
                type: 'headline',
                level: 1,
                align: 'center',
                text: c(
                  'Espere! Seu pedido ainda não terminou',
                  'Wait! Your order is not complete yet'
                ),
              },
              {
                type: 'countdown',
                minutes: 10,
                label: c('Esta oferta expira em', 'This offer expires in'),
              },
            ],
          },
          {
            blocks: [
              { type: 'upsell_offer' },
              {
                type: 'bullets',
                items: [
                  c('12 encontros ao vivo em grupo', '12 live group sessions'),
                  c('Revisão da sua página e da sua oferta', 'A review of your page and offer'),
                  c('Comunidade exclusiva de alunos', 'An exclusive student community'),
                ],
              },
              {
                type: 'guarantee',
                days: 7,
                text: c(
                  'A mesma garantia de 7 dias vale para a mentoria.',
                  'The same 7-day guarantee covers the mentoring.'
                ),
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
            'Pagamento confirmado! Enviamos o acesso para o seu e-mail.',
            'Payment confirmed! We sent your access to your inbox.'
          ),
          links: [
            {
              label: c('Acessar a área de membros', 'Open the members area'),
              url: 'https://www.exemplo.com.br/area-de-membros',
            },
          ],
        },
        page: page(
          {
            background: TINTS.fresh,
            blocks: [
              {
                type: 'headline',
                level: 1,
                align: 'center',
                text: c('Parabéns, você está dentro!', 'Congratulations, you are in!'),
              },
              {
                type: 'text',
                align: 'center',
                text: c(
                  'Pagamento confirmado! Enviamos o acesso para o seu e-mail.',
                  'Payment confirmed! We sent your access to your inbox.'
                ),
              },
              {
                type: 'button',
                label: c('Acessar a área de membros', 'Open the members area'),
                action: 'url',
                url: 'https://www.exemplo.com.br/area-de-membros',
                delaySeconds: 0,
              },
            ],
          },
          {
            blocks: [
              {
                type: 'headline',
                level: 2,
                align: 'left',
                text: c('Próximos passos', 'Next steps'),
              },
              {
                type: 'bullets',
                items: [
                  c(
                    'Confira sua caixa de entrada (e o spam)',
                    'Check your inbox (and spam folder)'
                  ),
                  c('Assista à aula de boas-vindas', 'Watch the welcome class'),
                  c('Entre na comunidade e se apresente', 'Join the community and say hello'),
                ],
              },
            ],
          }
        ),
      },
    ],
    checkoutConfigs: [
      {
        stepRef: CHECKOUT,
        productName: product,
        productPriceCents: 19700,
        currency: 'BRL',
        paymentMethods: ['pix'],
        fieldsConfig: { name: true, email: true, phone: true, cpf: true },
        /**
         * No colours: the checkout takes the workspace brand like every other step (a template
         * colour would put a purple checkout among green pages). Countdown, guarantee and
         * testimonials are blocks of the page, not repeated here.
         */
        designConfig: { countdownMinutes: 0, guaranteeText: null, testimonials: [] },
        orderBumps: [
          {
            name: c('Planilha de planejamento de lançamento', 'Launch planning spreadsheet'),
            priceCents: 2700,
            description: c(
              'O cronograma dia a dia que usamos nos nossos lançamentos.',
              'The day-by-day schedule we use in our own launches.'
            ),
            imageUrl: null,
          },
        ],
        upsellConfig: { stepId: UPSELL },
      },
    ],
  }
}
