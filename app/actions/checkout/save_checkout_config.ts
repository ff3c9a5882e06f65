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
      const locked = await FunnelStep.query({ client: trx })
        .where('workspace_id', workspace.id)
        .where('funnel_id', funnel.id)
        .where('id', step.id)
        .forUpdate()
        .firstOrFail()

      const values = normalizeCheckoutConfig(locked, data)
      const config = await CheckoutConfig.updateOrCreate(
        { workspaceId: workspace.id, funnelId: funnel.id, stepId: locked.id },
        {
          productName: values.productName,
          productPriceCents: values.productPriceCents,
          currency: values.currency,
          paymentMethods: values.paymentMethods,
          fieldsConfig: { ...values.fieldsConfig },
          designConfig: { ...values.designConfig },
          orderBumps: values.orderBumps.map((bump) => ({ ...bump })),
          upsellConfig: { ...values.upsellConfig },
        },
        { client: trx }
      )

      locked.version = locked.version + 1
      await locked.save()
      return { config, step: locked }
    })
  }
}
