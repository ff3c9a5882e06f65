import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import type { StepData } from '#actions/steps/create_step'
import { lockFunnel } from '#actions/steps/lock_funnel'
import ReorderSteps from '#actions/steps/reorder_steps'
import { validateStepContent } from '#validators/step'
import { pageFromContent, pageFromContentOptions } from '#services/page_from_content'

interface Params {
  funnel: Funnel
  step: FunnelStep
  data: Partial<StepData>
}

/**
 * Changes a step and bumps its `version` (public pages and the preview are cached per version).
 * The content is validated for the step's type whenever it is sent or the type changes: a new
 * type re-validates the content the step already has.
 */
export default class UpdateStep {
  static async handle({ funnel, step, data }: Params) {
    return db.transaction(async (trx) => {
      const locked = await lockFunnel(trx, funnel)
      const current = await FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
        .where('funnel_id', locked.id)
        .where('id', step.id)
        .firstOrFail()

      const stepType = data.stepType ?? current.stepType
      /** A page nobody arranged follows the content (the step form edits the content). */
      const following = current.page
        ? pageFromContentOptions(current.page, current.stepType, current.content)
        : {}
      if (data.content !== undefined || stepType !== current.stepType) {
        const others = await FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
          .where('funnel_id', locked.id)
          .whereNot('id', current.id)
          .select('id')
        current.content = (await validateStepContent({
          stepType,
          content: data.content ?? current.content,
          stepIds: others.map((other) => other.id),
        })) as Record<string, unknown>
        /**
         * A new type needs its own required block, so its page starts again from the content;
         * an arranged page keeps its blocks when only the content changes.
         */
        if (following || stepType !== current.stepType) {
          current.page = pageFromContent(stepType, current.content, following ?? {})
        }
      }

      current.merge({
        stepType,
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.slug !== undefined ? { slug: data.slug } : {}),
        ...(data.isActive !== undefined ? { isActive: data.isActive } : {}),
        ...(data.settings !== undefined ? { settings: data.settings } : {}),
      })
      current.version += 1
      await current.save()
      if (data.orderIndex !== undefined) {
        await ReorderSteps.move(trx, locked, current.id, data.orderIndex)
        await current.refresh()
      }

      locked.updatedAt = DateTime.now()
      await locked.save()
      return current
    })
  }
}
