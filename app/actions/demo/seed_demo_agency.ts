import db from '@adonisjs/lucid/services/db'
import Agency from '#models/agency'
import User from '#models/user'
import CreateWorkspace from '#actions/workspaces/create_workspace'
import type { StepType } from '#enums/funnels'
import PublishFunnel from '#actions/funnels/publish_funnel'
import type {
  CaptureContent,
  CheckoutContent,
  StepContent,
  ThankyouContent,
  UpsellContent,
  VslContent,
} from '../../types/step_content.js'

export const DEMO_LOGIN = { email: 'dono@demo.funil.digital', password: 'demo12345' }

/** Where the demo funnel lives: workspace slug (its subdomain) and funnel slug. */
export const DEMO_FUNNEL = { workspaceSlug: 'demo', funnelSlug: 'black-friday' }

/**
 * The five steps of the demo funnel, as an agency would build a launch. Contents follow
 * app/types/step_content.ts; links between steps (upsell accept / decline) are set once the
 * steps have ids.
 */
const DEMO_STEPS: Array<{
  name: string
  slug: string
  stepType: StepType
  content: StepContent
}> = [
  {
    name: 'Captura',
    slug: 'inscricao',
    stepType: 'capture',
    content: {
      headline: 'Aula gratuita: 7 dias para sua primeira venda',
      text: 'Deixe seu nome e e-mail para receber o acesso.',
      fields: ['name', 'email'],
      buttonLabel: 'Quero assistir',
    } satisfies CaptureContent,
  },
  {
    name: 'Vídeo de vendas',
    slug: 'aula',
    stepType: 'vsl',
    content: {
      headline: 'Assista à aula até o final: a oferta aparece logo abaixo',
      videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ctaLabel: 'Quero garantir minha vaga',
      ctaDelaySeconds: 30,
    } satisfies VslContent,
  },
  {
    name: 'Checkout',
    slug: 'checkout',
    stepType: 'checkout',
    content: {
      headline: 'Falta pouco: finalize com PIX',
      text: 'Acesso liberado assim que o pagamento for confirmado.',
    } satisfies CheckoutContent,
  },
  {
    name: 'Oferta especial',
    slug: 'oferta',
    stepType: 'upsell',
    content: {
      headline: 'Espere! Leve também a mentoria em grupo',
      text: 'Oferta válida só nesta página.',
      offer: {
        name: 'Mentoria em grupo',
        description: 'Quatro encontros ao vivo para tirar suas dúvidas.',
        priceCents: 9700,
        imageUrl: null,
      },
      acceptLabel: 'Sim, quero a mentoria',
      declineLabel: 'Não, obrigado',
    } satisfies UpsellContent,
  },
  {
    name: 'Obrigado',
    slug: 'obrigado',
    stepType: 'thankyou',
    content: {
      message: 'Compra confirmada! Confira seu e-mail.',
      links: [{ label: 'Acessar a área de membros', url: 'https://membros.example.com' }],
    } satisfies ThankyouContent,
  },
]

/**
 * Seeds, once, a demo agency with its owner, one workspace ("demo") and a five-step funnel with
 * a PIX checkout (sandbox gateway, since the workspace has no SkalePay credential).
 * Returns whether anything was created.
 */
export default class SeedDemoAgency {
  static async handle() {
    if (await User.findBy('email', DEMO_LOGIN.email)) return { created: false }

    return db.transaction(async (trx) => {
      const agency = await Agency.create(
        { name: 'Agência Demo', slug: 'agencia-demo' },
        { client: trx }
      )
      const owner = await User.create(
        { name: 'Dona da Agência', email: DEMO_LOGIN.email, password: DEMO_LOGIN.password },
        { client: trx }
      )
      await agency.related('members').create({ userId: owner.id, role: 'owner' }, { client: trx })

      const workspace = await CreateWorkspace.handle({
        agency,
        data: { name: 'Loja Demo', slug: DEMO_FUNNEL.workspaceSlug, timezone: 'America/Sao_Paulo' },
        trx,
      })

      const funnel = await workspace.related('funnels').create({
        name: 'Lançamento Black Friday',
        slug: DEMO_FUNNEL.funnelSlug,
        description: 'Funil de demonstração: captura, VSL, checkout PIX, upsell e obrigado.',
        niche: 'infoprodutos',
        isActive: true,
        settings: {},
        createdBy: owner.id,
      })
      const steps = await funnel.related('steps').createMany(
        DEMO_STEPS.map((step, index) => ({
          ...step,
          content: step.content as Record<string, unknown>,
          workspaceId: workspace.id,
          orderIndex: index,
          isActive: true,
          settings: {},
        }))
      )
      const checkout = steps.find((step) => step.stepType === 'checkout')!
      const upsell = steps.find((step) => step.stepType === 'upsell')!
      const thankyou = steps.find((step) => step.stepType === 'thankyou')!
      upsell.content = { ...upsell.content, acceptStepId: thankyou.id, declineStepId: thankyou.id }
      await upsell.save()
      await funnel.related('checkoutConfigs').create({
        workspaceId: workspace.id,
        stepId: checkout.id,
        productName: 'Curso Primeira Venda',
        productPriceCents: 19700,
        currency: 'BRL',
        paymentMethods: ['pix'],
        fieldsConfig: { name: true, email: true, phone: true, cpf: true },
        designConfig: { primaryColor: '#16a34a', countdownMinutes: 15 },
        upsellConfig: { stepId: upsell.id },
        orderBumps: [
          { name: 'Planilha de metas', priceCents: 2700, description: 'Acompanhe suas vendas.' },
        ],
      })
      /** Live at once: `npm start` prints its public URL (a new funnel is otherwise a draft). */
      await PublishFunnel.handle({ funnel, user: owner, trx })
      return { created: true, workspace, funnel }
    })
  }
}
