import type { Locale } from '#services/i18n'
import type { FunnelSnapshot } from '../../app/types/funnel_snapshot.js'
import { TINTS, copyFor, page } from './builder.js'

const CAPTURE = 1
const THANKYOU = 2

/** The download the thank-you page links to: the agency replaces it with its own file. */
const DOWNLOAD_URL = 'https://www.exemplo.com.br/guia-gratuito.pdf'

/** "Isca digital": a free guide in exchange for the e-mail, then its download link. */
export function leadMagnetTemplate(locale: Locale): FunnelSnapshot {
  const c = copyFor(locale)
  const guide = c(
    'Guia gratuito: 7 passos para vender todos os dias',
    'Free guide: 7 steps to sell every day'
  )

  return {
    version: 1,
    funnel: {
      name: c('Isca digital', 'Lead magnet'),
      description: c(
        'Página de captura de um material gratuito e página de obrigado com o link de download.',
        'A capture page for a free download and a thank-you page with the download link.'
      ),
      niche: null,
      settings: {},
    },
    steps: [
      {
        ref: CAPTURE,
        name: c('Captura', 'Sign-up'),
        slug: c('guia-gratuito', 'free-guide'),
        stepType: 'capture',
        isActive: true,
        settings: {},
        content: {
          headline: guide,
          text: c('Receba o guia em PDF agora mesmo.', 'Get the PDF guide right now.'),
          fields: ['name', 'email'],
          buttonLabel: c('Quero o guia gratuito', 'Send me the free guide'),
          nextStepId: THANKYOU,
        },
        page: page(
          {
            background: TINTS.fresh,
            blocks: [
              { type: 'headline', level: 1, align: 'center', text: guide },
              {
                type: 'text',
                align: 'center',
                text: c(
                  'Um material direto ao ponto, com exemplos reais, para você aplicar ainda hoje.',
                  'A to-the-point guide with real examples you can apply today.'
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
                    'A rotina de conteúdo que atrai clientes todos os dias',
                    'The content routine that brings customers every day'
                  ),
                  c(
                    '3 modelos de mensagem para fechar vendas pelo WhatsApp',
                    '3 message templates to close sales on WhatsApp'
                  ),
                  c(
                    'Como montar uma oferta que o cliente não recusa',
                    'How to build an offer customers do not turn down'
                  ),
                ],
              },
              { type: 'capture_form' },
              {
                type: 'text',
                align: 'center',
                text: c(
                  'Não enviamos spam. Seus dados estão seguros.',
                  'No spam. Your data is safe.'
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
                    name: 'Patrícia L.',
                    text: c(
                      'Simples e prático: apliquei o passo 3 e dobrei minhas conversas no WhatsApp.',
                      'Simple and practical: step 3 doubled my WhatsApp conversations.'
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
            'Pronto! Seu guia está liberado. Também enviamos uma cópia para o seu e-mail.',
            'Done! Your guide is ready. We also sent a copy to your inbox.'
          ),
          links: [
            { label: c('Baixar o guia (PDF)', 'Download the guide (PDF)'), url: DOWNLOAD_URL },
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
                text: c('Seu guia está liberado!', 'Your guide is ready!'),
              },
              {
                type: 'text',
                align: 'center',
                text: c(
                  'Pronto! Seu guia está liberado. Também enviamos uma cópia para o seu e-mail.',
                  'Done! Your guide is ready. We also sent a copy to your inbox.'
                ),
              },
              {
                type: 'button',
                label: c('Baixar o guia (PDF)', 'Download the guide (PDF)'),
                action: 'url',
                url: DOWNLOAD_URL,
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
                text: c('Enquanto isso…', 'Meanwhile…'),
              },
              {
                type: 'bullets',
                items: [
                  c('Adicione nosso e-mail aos seus contatos', 'Add our address to your contacts'),
                  c(
                    'Siga a gente no Instagram para mais dicas',
                    'Follow us on Instagram for more tips'
                  ),
                ],
              },
            ],
          }
        ),
      },
    ],
    checkoutConfigs: [],
  }
}
