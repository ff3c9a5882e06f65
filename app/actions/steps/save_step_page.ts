import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import { lockFunnel } from '#actions/steps/lock_funnel'
import type { StepPage } from '../../types/step_page.js'

interface Params {
  funnel: Funnel
  step: FunnelStep
  /** Already validated for the step's type (stepPageValidator). */
  page: StepPage
}

/**
 * Saves the block editor's page of a step (the draft the editor autosaves) and bumps the
 * step's `version`, so the preview and cached pages of the old version are not served again.
 * Under the funnel's lock, like every other step write.
 */
export default class SaveStepPage {
  static async handle({ funnel, step, page }: Params) {
    return db.transaction(async (trx) => {
      const locked = await lockFunnel(trx, funnel)
      const current = await FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
        .where('funnel_id', locked.id)
        .where('id', step.id)
        .firstOrFail()
      current.page = page
      current.version += 1
      await current.save()
      locked.updatedAt = DateTime.now()
      await locked.save()
      return current
    })
  }
}
