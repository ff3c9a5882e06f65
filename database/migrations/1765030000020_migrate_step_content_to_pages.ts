import { BaseSchema } from '@adonisjs/lucid/schema'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { pageFromContent } from '#services/page_from_content'
import { isLocale } from '#services/i18n'

/**
 * Issue 18 item 3: every existing step gets the block page that draws it as its per-type
 * content did (pageFromContent, with the upsell's badge line kept, in the workspace's page
 * language). Batches of 500 by id; steps that already have a page are left alone, so the
 * migration can run again. `down` clears the pages (the content is untouched throughout).
 * Exported for tests/functional/funnels/step_pages_migration.spec.ts.
 */
export async function fillStepPages(db: QueryClientContract) {
  let lastId = 0
  let filled = 0
  for (;;) {
    const rows: Array<{
      id: number
      step_type: string
      content: Record<string, unknown> | null
      settings: Record<string, unknown> | null
    }> = await db
      .from('funnel_steps')
      .join('workspaces', 'workspaces.id', 'funnel_steps.workspace_id')
      .whereNull('funnel_steps.page')
      .where('funnel_steps.id', '>', lastId)
      .orderBy('funnel_steps.id')
      .limit(500)
      .select(
        'funnel_steps.id',
        'funnel_steps.step_type',
        'funnel_steps.content',
        'workspaces.settings'
      )
    if (rows.length === 0) return filled
    for (const row of rows) {
      const locale = isLocale(row.settings?.locale) ? row.settings.locale : undefined
      const page = pageFromContent(row.step_type, row.content, { locale, upsellBadge: true })
      await db
        .from('funnel_steps')
        .where('id', row.id)
        .update({ page: JSON.stringify(page) })
      filled++
    }
    lastId = rows[rows.length - 1].id
  }
}

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      await fillStepPages(db)
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.from('funnel_steps').update({ page: null })
    })
  }
}
