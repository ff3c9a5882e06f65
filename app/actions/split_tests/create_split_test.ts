import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import SplitTest from '#models/split_test'
import SplitTestVariant from '#models/split_test_variant'
import { DomainError } from '#exceptions/domain_error'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { forgetRunningSplitTest } from '#services/split_assignment'
import type { SplitTestNames } from '#services/split_test_names'

interface Params {
  workspace: Workspace
  funnel: Funnel
  step: FunnelStep
  data: { name?: string; variants?: Array<{ name: string; weight: number }> }
  /** The names used when `data` gives none, already in the request's language. */
  defaults: SplitTestNames
}

/**
 * Starts a split test on a step: the first variant is the control (the step as it is), each
 * other one starts as a copy of the step's content and, on a checkout, of its checkout
 * configuration, to be edited on its own. The step row is locked so two starts of one step
 * cannot both succeed; the partial unique index says the same to anything else.
 */
export default class CreateSplitTest {
  static async handle({ workspace, funnel, step, data, defaults }: Params) {
    const arms = data.variants ?? [
      { name: defaults.control, weight: 50 },
      { name: defaults.challenger, weight: 50 },
    ]
    if (arms.reduce((sum, arm) => sum + arm.weight, 0) <= 0) {
      throw new DomainError(422, 'weights_total', 'split_tests.errors.weights_total', 'variants')
    }

    try {
      const test = await db.transaction(async (trx) => {
        const locked = await FunnelStep.forWorkspace(workspace.id, { client: trx })
          .where('funnel_id', funnel.id)
          .where('id', step.id)
          .forUpdate()
          .firstOrFail()
        const running = await SplitTest.forWorkspace(workspace.id, { client: trx })
          .where('step_id', locked.id)
          .where('status', 'running')
          .first()
        if (running) throw runningError()

        const config =
          locked.stepType === 'checkout'
            ? await CheckoutConfig.forWorkspace(workspace.id, { client: trx })
                .where('step_id', locked.id)
                .first()
            : null
        const checkoutCopy =
          locked.stepType === 'checkout'
            ? { ...normalizeCheckoutConfig(locked, config as any) }
            : null

        const created = await SplitTest.create(
          {
            workspaceId: workspace.id,
            funnelId: funnel.id,
            stepId: locked.id,
            name: data.name ?? defaults.test,
            status: 'running',
            startedAt: DateTime.now(),
          },
          { client: trx }
        )
        await SplitTestVariant.createMany(
          arms.map((arm, index) => ({
            workspaceId: workspace.id,
            splitTestId: created.id,
            name: arm.name,
            weight: arm.weight,
            isControl: index === 0,
            status: 'active' as const,
            content: index === 0 ? null : structuredClone(locked.content ?? {}),
            checkoutConfig: index === 0 ? null : structuredClone(checkoutCopy),
            version: 1,
          })),
          { client: trx }
        )
        return created
      })
      forgetRunningSplitTest(workspace.id, step.id)
      return test
    } catch (error) {
      /** A concurrent start that committed first: the partial unique index refused this one. */
      if ((error as { code?: string }).code === '23505') throw runningError()
      throw error
    }
  }
}

function runningError() {
  return new DomainError(409, 'split_test_running', 'split_tests.errors.already_running')
}
