import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import type { StepType } from '#enums/funnels'
import { lockFunnel } from '#actions/steps/lock_funnel'
import ReorderSteps from '#actions/steps/reorder_steps'
import { defaultStepContent } from '#actions/steps/default_content'
import { pageFromContent } from '#services/page_from_content'
import { validateStepContent } from '#validators/step'
import { freeSlug, slugify } from '#validators/funnel'
import type { Locale } from '#services/i18n'

export interface StepData {
  name: string
  slug?: string
  stepType: StepType
  isActive?: boolean
  settings?: Record<string, unknown>
  content?: Record<string, unknown>
  /** Position to insert at (0-based); appended when absent. */
  orderIndex?: number
}

interface Params {
  funnel: Funnel
  data: StepData
  /** Language of the starter content a step without content gets (its text, not messages). */
  contentLocale?: Locale
}

/**
 * Appends a step to a funnel (`order_index` = number of steps, under the funnel's lock). Its
 * content is validated for its type, or the type's starter content when none is given; the slug
 * comes from the name when absent (`-2`, `-3`… if the funnel already uses it).
 */
export default class CreateStep {
  static async handle({ funnel, data, contentLocale = 'pt-BR' }: Params) {
    return db.transaction(async (trx) => {
      const locked = await lockFunnel(trx, funnel)
      const siblings = await FunnelStep.forWorkspace(locked.workspaceId, { client: trx })
        .where('funnel_id', locked.id)
        .select('id', 'slug')

      const content =
        data.content === undefined
          ? defaultStepContent(data.stepType, contentLocale)
          : await validateStepContent({
              stepType: data.stepType,
              content: data.content,
              stepIds: siblings.map((sibling) => sibling.id),
            })

      const step = await FunnelStep.create(
        {
          workspaceId: locked.workspaceId,
          funnelId: locked.id,
          name: data.name,
          slug:
            data.slug ??
            freeSlug(
              slugify(data.name) || 'etapa',
              siblings.map((sibling) => sibling.slug)
            ),
          stepType: data.stepType,
          orderIndex: siblings.length,
          isActive: data.isActive ?? true,
          settings: data.settings ?? {},
          content: content as Record<string, unknown>,
          /** Its block page draws the content as the per-type page did (issue 18). */
          page: pageFromContent(data.stepType, content as Record<string, unknown>, {
            locale: contentLocale,
          }),
          version: 1,
        },
        { client: trx }
      )

      if (data.orderIndex !== undefined && data.orderIndex < siblings.length) {
        await ReorderSteps.move(trx, locked, step.id, data.orderIndex)
        await step.refresh()
      }

      locked.updatedAt = DateTime.now()
      await locked.save()
      return step
    })
  }
}
