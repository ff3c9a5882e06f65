import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import { workspaceTable } from '#services/tenancy'

/**
 * The live monitor's A/B view: the variants of the workspace's running tests (to name the
 * variant ids live events carry), and the variant each online visitor sees on its current step
 * (its latest event there with a variant), in one query each.
 */
export default class LiveVariants {
  static async handle({ workspace, visitorIds }: { workspace: Workspace; visitorIds: string[] }) {
    const variants = await workspaceTable(workspace, 'split_test_variants as sv')
      .join('split_tests as st', (join) =>
        join.on('st.workspace_id', 'sv.workspace_id').andOn('st.id', 'sv.split_test_id')
      )
      .where('st.status', 'running')
      .where('sv.status', 'active')
      .orderBy('sv.is_control', 'desc')
      .orderBy('sv.id')
      .select('sv.id', 'sv.name', 'st.step_id as stepId', 'sv.is_control as isControl')
    if (!variants.length || !visitorIds.length) return { variants, variantOf: {} }

    const { rows } = await db.rawQuery<{ rows: Array<{ public_id: string; variant_id: number }> }>(
      `SELECT DISTINCT ON (v.public_id) v.public_id, e.split_variant_id AS variant_id
         FROM visitors v
         JOIN visitor_events e ON e.workspace_id = v.workspace_id AND e.visitor_id = v.id
                              AND e.step_id = v.current_step_id AND e.split_variant_id IS NOT NULL
        WHERE v.workspace_id = ? AND v.public_id = ANY(?::uuid[])
        ORDER BY v.public_id, e.created_at DESC`,
      [workspace.id, visitorIds]
    )
    return {
      variants,
      variantOf: Object.fromEntries(rows.map((row) => [row.public_id, row.variant_id])),
    }
  }
}
