import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import type Workspace from '#models/workspace'
import FunnelStep from '#models/funnel_step'
import SplitTestVariant from '#models/split_test_variant'
import type SplitTest from '#models/split_test'
import { DomainError } from '#exceptions/domain_error'
import { lockRunningTest } from '#actions/split_tests/update_split_test'
import { validateStepContent } from '#validators/step'
import { checkoutConfigValidator } from '#validators/checkout'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { forgetRunningSplitTest } from '#services/split_assignment'
import type { StepType } from '#enums/funnels'

interface Params {
  workspace: Workspace
  test: SplitTest
  variantId: number
  data: {
    name?: string
    weight?: number
    content?: Record<string, unknown>
    checkoutConfig?: Record<string, unknown>
  }
}

/**
 * Edits one variant: its name, weight, and (challengers only) its own content, validated as the
 * step's content is, and its own checkout configuration, validated as the step's checkout is.
 * The control is the step itself: its content is edited in the step editor. The variant's
 * version goes up, so its cached page is rendered again.
 */
export default class UpdateSplitVariant {
  static async handle({ workspace, test, variantId, data }: Params) {
    const variant = await db.transaction(async (trx) => {
      const locked = await lockRunningTest(trx, workspace, test.id)
      const current = await SplitTestVariant.forWorkspace(workspace.id, { client: trx })
        .where('split_test_id', locked.id)
        .where('id', variantId)
        .where('status', 'active')
        .firstOrFail()
      const step = await FunnelStep.forWorkspace(workspace.id, { client: trx })
        .where('id', locked.stepId)
        .firstOrFail()

      if (current.isControl && (data.content || data.checkoutConfig)) {
        throw new DomainError(
          422,
          'control_is_step',
          'split_tests.errors.control_is_step',
          data.content ? 'content' : 'checkoutConfig'
        )
      }
      if (data.content) {
        const others = await FunnelStep.forWorkspace(workspace.id, { client: trx })
          .where('funnel_id', locked.funnelId)
          .whereNot('id', step.id)
          .select('id')
        current.content = (await validateStepContent({
          stepType: step.stepType as StepType,
          content: data.content,
          stepIds: others.map((other) => other.id),
        })) as Record<string, unknown>
      }
      if (data.checkoutConfig) {
        if (step.stepType !== 'checkout') {
          throw new DomainError(
            422,
            'checkout_only',
            'split_tests.errors.checkout_only',
            'checkoutConfig'
          )
        }
        current.checkoutConfig = {
          ...normalizeCheckoutConfig(step, await validCheckout(data.checkoutConfig, step)),
        }
      }
      if (data.name !== undefined) current.name = data.name
      if (data.weight !== undefined) current.weight = data.weight
      const total = await SplitTestVariant.forWorkspace(workspace.id, { client: trx })
        .where('split_test_id', locked.id)
        .where('status', 'active')
        .whereNot('id', current.id)
        .sum('weight as total')
        .first()
      if (Number(total?.$extras.total ?? 0) + current.weight <= 0) {
        throw new DomainError(422, 'weights_total', 'split_tests.errors.weights_total', 'weight')
      }
      current.version += 1
      await current.useTransaction(trx).save()
      return current
    })
    forgetRunningSplitTest(workspace.id, test.stepId)
    return variant
  }
}

/**
 * The checkout validator's errors, reported under `checkoutConfig.<field>`, in the request's
 * language (start/validator.ts).
 */
async function validCheckout(input: Record<string, unknown>, step: FunnelStep) {
  try {
    return await checkoutConfigValidator.validate(input, {
      meta: { workspaceId: step.workspaceId, funnelId: step.funnelId, stepId: step.id },
    })
  } catch (error) {
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      throw new vineErrors.E_VALIDATION_ERROR(
        (error.messages as Array<{ field: string }>).map((message) => ({
          ...message,
          field: `checkoutConfig.${message.field}`,
        }))
      )
    }
    throw error
  }
}
