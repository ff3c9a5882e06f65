import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Workspace from '#models/workspace'
import SplitTest from '#models/split_test'
import SplitTestVariant from '#models/split_test_variant'
import { DomainError } from '#exceptions/domain_error'
import { forgetRunningSplitTest } from '#services/split_assignment'

interface Params {
  workspace: Workspace
  test: SplitTest
  data: { name?: string; variants?: Array<{ id: number; name?: string; weight?: number }> }
}

/** Locks a running test of the workspace (a finished one is history: 409). */
export async function lockRunningTest(
  trx: TransactionClientContract,
  workspace: Workspace,
  testId: number
) {
  const locked = await SplitTest.forWorkspace(workspace.id, { client: trx })
    .where('id', testId)
    .forUpdate()
    .firstOrFail()
  if (locked.status !== 'running') {
    throw new DomainError(409, 'split_test_finished', 'split_tests.errors.finished')
  }
  return locked
}

/**
 * Renames a test and changes its variants' names and weights. A new weight applies to visitors
 * not yet assigned: those already assigned keep their variant (their cookie). The active
 * variants must keep some traffic (a total weight above zero).
 */
export default class UpdateSplitTest {
  static async handle({ workspace, test, data }: Params) {
    await db.transaction(async (trx) => {
      const locked = await lockRunningTest(trx, workspace, test.id)
      const variants = await SplitTestVariant.forWorkspace(workspace.id, { client: trx })
        .where('split_test_id', locked.id)
        .where('status', 'active')
      const byId = new Map(variants.map((variant) => [variant.id, variant]))
      for (const [index, change] of (data.variants ?? []).entries()) {
        const variant = byId.get(change.id)
        if (!variant) {
          throw new DomainError(
            422,
            'split_variant',
            'split_tests.errors.unknown_variant',
            `variants.${index}.id`
          )
        }
        if (change.name !== undefined) variant.name = change.name
        if (change.weight !== undefined) variant.weight = change.weight
      }
      if (variants.reduce((sum, variant) => sum + variant.weight, 0) <= 0) {
        throw new DomainError(422, 'weights_total', 'split_tests.errors.weights_total', 'variants')
      }
      for (const variant of variants) await variant.useTransaction(trx).save()
      if (data.name !== undefined) {
        locked.name = data.name
        await locked.save()
      }
    })
    forgetRunningSplitTest(workspace.id, test.stepId)
  }
}
