import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import { FunnelFactory } from '#database/factories/funnel_factory'
import type { StepType } from '#enums/funnels'

/** Valid content for each step type (app/types/step_content.ts). */
export const VALID_CONTENT: Record<StepType, Record<string, unknown>> = {
  capture: {
    headline: 'Aula gratuita',
    text: 'Deixe seu e-mail',
    fields: ['name', 'email'],
    buttonLabel: 'Quero',
  },
  vsl: {
    headline: 'Assista',
    videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ctaLabel: 'Comprar',
    ctaDelaySeconds: 30,
  },
  checkout: { headline: 'Finalize', text: 'Pague com PIX' },
  upsell: {
    headline: 'Oferta única',
    offer: { name: 'Mentoria', priceCents: 9700, description: 'Em grupo', imageUrl: null },
    acceptLabel: 'Sim',
    declineLabel: 'Não',
  },
  thankyou: { message: 'Obrigado!', links: [{ label: 'Área de membros', url: 'https://x.com' }] },
}

/** A funnel with steps of the given types, in that order (order_index 0..n-1). */
export async function funnelWithSteps(
  workspace: Workspace,
  types: StepType[] = ['capture', 'vsl', 'checkout', 'upsell', 'thankyou'],
  merge: Partial<Pick<Funnel, 'name' | 'slug' | 'isActive'>> = {}
) {
  const funnel = await FunnelFactory.merge({ workspaceId: workspace.id, ...merge }).create()
  const steps: FunnelStep[] = []
  for (const [index, stepType] of types.entries()) {
    steps.push(
      await FunnelStep.create({
        workspaceId: workspace.id,
        funnelId: funnel.id,
        name: `Etapa ${index + 1}`,
        slug: `etapa-${index + 1}`,
        stepType,
        orderIndex: index,
        isActive: true,
        settings: {},
        content: VALID_CONTENT[stepType],
        version: 1,
      })
    )
  }
  return { funnel, steps }
}

/** The funnel's step ids by order_index, straight from the database. */
export async function stepOrder(funnel: Funnel) {
  const rows = await FunnelStep.query()
    .where('funnel_id', funnel.id)
    .orderBy('order_index')
    .select('id', 'order_index')
  return rows.map((row) => ({ id: row.id, orderIndex: row.orderIndex }))
}

/** The funnel's step ids by order_index. */
export async function stepIdsInOrder(funnel: Funnel) {
  const rows = await stepOrder(funnel)
  return rows.map((row) => row.id)
}

/**
 * The SQL statements run while `fn` runs (the HTTP server runs in the test process): proves
 * that a list costs the same number of queries whatever its length.
 */
export async function queriesDuring(fn: () => Promise<unknown>) {
  const connection = db.manager.get(db.primaryConnectionName)!.connection!
  const previous = connection.config.debug
  connection.config.debug = true
  const statements: string[] = []
  const listener = (query: { sql: string }) => statements.push(query.sql)
  emitter.on('db:query', listener)
  try {
    await fn()
  } finally {
    emitter.off('db:query', listener)
    connection.config.debug = previous
  }
  return statements
}
