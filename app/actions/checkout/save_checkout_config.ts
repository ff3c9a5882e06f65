import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import CheckoutConfig from '#models/checkout_config'
import type { CheckoutConfigInput } from '#validators/checkout'
import { normalizeCheckoutConfig } from '#services/step_renderer/checkout_data'

interface Params {
  workspace: Workspace
  funnel: Funnel
  step: FunnelStep
  data: CheckoutConfigInput
}

/**
 * Creates or replaces a checkout step's configuration (what the request leaves out takes the
 * default) and bumps the step's version, so cached public pages of the old version are dropped.
 * The step row is locked first: two saves of one step run one after the other, and the first
 * save of a step cannot race into a duplicate configuration.
 */
export default class SaveCheckoutConfig {
  static async handle({ workspace, funnel, step, data }: Params) {
    return db.transaction(async (trx) => {
      const locked = await FunnelStep.forWorkspace(workspace, { client: trx })
        .where('funnel_id', funnel.id)
        .where('id', step.id)
        .forUpdate()
        .firstOrFail()

      const values = normalizeCheckoutConfig(locked, data)
      /** Under the step's lock, so the read-then-write cannot create a second configuration. */
      const config =
        (await CheckoutConfig.forWorkspace(workspace, { client: trx })
          .where('step_id', locked.id)
          .first()) ??
        new CheckoutConfig().merge({
          workspaceId: workspace.id,
          funnelId: funnel.id,
          stepId: locked.id,
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

      locked.version = locked.version + 1
      await locked.save()
      return { config, step: locked }
    })
  }
}
