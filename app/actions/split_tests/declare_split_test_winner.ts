import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import Funnel from '#models/funnel'
import SplitTestVariant from '#models/split_test_variant'
import type SplitTest from '#models/split_test'
import { DomainError } from '#exceptions/domain_error'
import { lockRunningTest } from '#actions/split_tests/update_split_test'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'
import { forgetRunningSplitTest } from '#services/split_assignment'
import { validateStepContent } from '#validators/step'
import { publishStepFromDraft } from '#services/funnel_publication'
import ResolveFunnelPage from '#actions/public/resolve_funnel_page'
import type { StepType } from '#enums/funnels'

interface Params {
  workspace: Workspace
  test: SplitTest
  variantId: number
}

/**
 * "Declarar vencedor": the winner becomes the step. A challenger's content replaces the step's
 * content and its checkout configuration the step's configuration (the step's version goes up,
 * so every cached page of it is dropped); the control winning leaves the step as it is. The
 * other variants are archived, the test is finished and from then on every visitor sees the
 * step: the test's cookies name no running test any more.
 */
export default class DeclareSplitTestWinner {
  static async handle({ workspace, test, variantId }: Params) {
    const published = await db.transaction(async (trx) => {
      let live: Awaited<ReturnType<typeof publishStepFromDraft>> = null
      const locked = await lockRunningTest(trx, workspace, test.id)
      const variants = await SplitTestVariant.forWorkspace(workspace.id, { client: trx })
        .where('split_test_id', locked.id)
        .where('status', 'active')
        .forUpdate()
      const winner = variants.find((variant) => variant.id === variantId)
      if (!winner) {
        throw new DomainError(
          422,
          'split_variant',
          'split_tests.errors.unknown_variant',
          'variantId'
        )
      }

      if (!winner.isControl) {
        const step = await FunnelStep.forWorkspace(workspace.id, { client: trx })
          .where('funnel_id', locked.funnelId)
          .where('id', locked.stepId)
          .forUpdate()
          .firstOrFail()
        if (winner.content) {
          /** The step's type may have changed since the copy: its content must fit the type. */
          const others = await FunnelStep.forWorkspace(workspace.id, { client: trx })
            .where('funnel_id', locked.funnelId)
            .whereNot('id', step.id)
            .select('id')
          step.content = (await validateStepContent({
            stepType: step.stepType as StepType,
            content: winner.content,
            stepIds: others.map((other) => other.id),
          }).catch(() => {
            throw new DomainError(
              422,
              'step_type_changed',
              'split_tests.errors.step_type_changed',
              'variantId'
            )
          })) as Record<string, unknown>
        }
        step.version += 1
        await step.save()
        if (winner.checkoutConfig && step.stepType === 'checkout') {
          const values = normalizeCheckoutConfig(step, winner.checkoutConfig as any)
          /** Found from the workspace, under the step lock taken above: one configuration per step. */
          const config =
            (await CheckoutConfig.forWorkspace(workspace, { client: trx })
              .where('step_id', step.id)
              .first()) ??
            new CheckoutConfig().merge({
              workspaceId: workspace.id,
              funnelId: locked.funnelId,
              stepId: step.id,
            })
          await config
            .useTransaction(trx)
            .merge({
              productName: values.productName,
              productPriceCents: values.productPriceCents,
              currency: values.currency,
              paymentMethods: values.paymentMethods,
              fieldsConfig: { ...values.fieldsConfig },
              designConfig: { ...values.designConfig },
              orderBumps: values.orderBumps.map((bump) => ({ ...bump })),
              upsellConfig: { ...values.upsellConfig },
            })
            .save()
        }
        await Funnel.forWorkspace(workspace.id, { client: trx })
          .where('id', locked.funnelId)
          .update({ updated_at: DateTime.now().toSQL() })
        /** The public site serves the publication: the winner goes live there too (issue 18). */
        live = await publishStepFromDraft(
          trx,
          workspace.id,
          locked.funnelId,
          step.id,
          Boolean(winner.checkoutConfig && step.stepType === 'checkout')
        )
      }

      for (const variant of variants) {
        variant.status = variant.id === winner.id ? 'winner' : 'archived'
        await variant.useTransaction(trx).save()
      }
      locked.status = 'finished'
      locked.finishedAt = DateTime.now()
      locked.winnerVariantId = winner.id
      await locked.save()
      return live
    })
    forgetRunningSplitTest(workspace.id, test.stepId)
    if (published) ResolveFunnelPage.forgetFunnel(workspace.id, published.funnel.slug)
  }
}
