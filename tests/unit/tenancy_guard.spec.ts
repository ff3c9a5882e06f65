import { test } from '@japa/runner'
import {
  scanCodebase,
  scanSource,
  schemaClassesWithWorkspaceId,
  TENANT_TABLES,
  type ViolationKind,
} from '#tests/helpers/tenancy_guard'

/**
 * The few queries of tenant tables that legitimately do not start from one workspace, each with
 * why. `count` is exact: a new unscoped query in one of these files fails too, and so does a
 * stale entry once the query is gone.
 */
const ALLOWED: Array<{ file: string; kind: ViolationKind; count: number; why: string }> = [
  /** The two helpers are the one place the workspace filter is written. */
  {
    file: 'app/models/mixins/with_workspace.ts',
    kind: 'hand-filter',
    count: 1,
    why: 'Model.forWorkspace: the filter every model query starts from',
  },
  {
    file: 'app/services/tenancy.ts',
    kind: 'hand-filter',
    count: 1,
    why: 'workspaceTable: the filter every bare query builder starts from',
  },

  /** Workers sweeping every workspace; each row found is then handled with its own workspace_id. */
  {
    file: 'app/actions/payments/sweep_pending_payments.ts',
    kind: 'unscoped-sql',
    count: 2,
    why: 'the poll sweep claims due pending payments of all workspaces (FOR UPDATE SKIP LOCKED)',
  },
  {
    file: 'app/actions/payments/sweep_webhook_inbox.ts',
    kind: 'unscoped-sql',
    count: 1,
    why: 'the inbox sweep finds unprocessed webhook events of all workspaces',
  },
  {
    file: 'app/actions/postbacks/requeue_lost_deliveries.ts',
    kind: 'unscoped-sql',
    count: 1,
    why: 'deliveries whose lease expired, in every workspace, go back to the queue',
  },
  {
    file: 'app/actions/postbacks/sweep_unplanned_postbacks.ts',
    kind: 'unscoped-sql',
    count: 1,
    why: 'the outbox sweep plans transitions no job planned, in every workspace',
  },
  {
    file: 'app/actions/tracking/sweep_offline_visitors.ts',
    kind: 'unscoped-sql',
    count: 1,
    why: 'visitors silent for too long are marked offline in every workspace',
  },
  {
    file: 'app/actions/checkout_sessions/sweep_abandoned_checkouts.ts',
    kind: 'unscoped-sql',
    count: 1,
    why: 'abandoned checkouts of every workspace (each workspace its own delay, joined)',
  },

  /**
   * Memberships seen from the user or the agency: `workspace_members` rows of every workspace
   * of one agency (joined on `workspaces.agency_id`) or of one user, never one workspace's.
   */
  {
    file: 'app/actions/accounts/list_team.ts',
    kind: 'bare-table',
    count: 1,
    why: "the agency's team page lists members of all its workspaces (joined on w.agency_id)",
  },
  {
    file: 'app/actions/accounts/change_member_role.ts',
    kind: 'bare-table',
    count: 1,
    why: "a workspace member of the manager's agency (joined on w.agency_id), locked",
  },
  {
    file: 'app/actions/accounts/record_audit.ts',
    kind: 'bare-table',
    count: 2,
    why: "a login is recorded in each agency of the user's memberships; the yearly purge of old audit events covers all workspaces",
  },
  {
    file: 'app/services/agency_brand.ts',
    kind: 'bare-table',
    count: 2,
    why: "the brand a client login sees and whether a user belongs to an agency: the user's memberships in the agency's workspaces",
  },
  /** The audit page shows the workspace's events and its agency's own (workspace_id NULL). */
  {
    file: 'app/controllers/admin/audit_controller.ts',
    kind: 'bare-table',
    count: 1,
    why: 'audit_events of the workspace or of its agency as a whole (agency_id filter)',
  },
  {
    file: 'app/controllers/admin/audit_controller.ts',
    kind: 'hand-filter',
    count: 2,
    why: 'workspace_id = the workspace OR NULL (agency-wide events): not expressible from the workspace',
  },
]

/**
 * Structural tenancy (DESIGN.md §4): every query of a tenant table starts from the workspace —
 * `workspace.related('x').query()` (`.useTransaction(trx)`), `Model.forWorkspace(workspaceOrId,
 * { client })` or `workspaceTable(workspaceOrId, 'table as t', client)` — so a read path cannot
 * forget its filter. This scans app/ and workers/ and fails on anything else.
 */
test.group('Tenancy guard', () => {
  test('every tenant query in app/ and workers/ starts from the workspace', ({ assert }) => {
    const counts = new Map<string, number>()
    const lines = new Map<string, string[]>()
    for (const violation of scanCodebase()) {
      const key = `${violation.file} ${violation.kind}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
      lines.set(key, [
        ...(lines.get(key) ?? []),
        `${violation.file}:${violation.line} ${violation.text}`,
      ])
    }
    const unexpected: string[] = []
    for (const [key, count] of counts) {
      const allowed = ALLOWED.find((entry) => `${entry.file} ${entry.kind}` === key)
      if (!allowed || allowed.count !== count) {
        unexpected.push(`${key}: ${count} found, ${allowed?.count ?? 0} allowed`)
        unexpected.push(...(lines.get(key) ?? []).map((line) => `  ${line}`))
      }
    }
    const stale = ALLOWED.filter((entry) => !counts.has(`${entry.file} ${entry.kind}`)).map(
      (entry) => `stale allow-list entry: ${entry.file} ${entry.kind}`
    )
    assert.deepEqual([...unexpected, ...stale], [])
  })

  test('the tenant table list matches the schema', ({ assert }) => {
    assert.sameMembers(Object.keys(TENANT_TABLES), schemaClassesWithWorkspaceId())
  })

  test('flags each way of leaving the workspace, and none of the ways to start from it', ({
    assert,
  }) => {
    const source = `
      const a = await Payment.query().where('id', id).first()
      const b = await Funnel.findOrFail(id)
      const c = await Payment.query({ client: trx }).where('workspace_id', workspaceId).first()
      const d = await db.from('payments as p').where('p.id', id)
      const e = await db.rawQuery('SELECT * FROM visitors WHERE id = ?', [id])
      const f = await funnel.related('steps').query().whereRaw('workspace_id = ?', [id])
      const g = await CheckoutConfig.updateOrCreate({ stepId }, {})

      const ok1 = await workspace.related('payments').query().useTransaction(trx).where('id', id)
      const ok2 = await Payment.forWorkspace(workspaceId, { client: trx }).where('id', id)
      const ok3 = await workspaceTable(workspace, 'payments as p', trx).where('p.id', id)
      const ok4 = await db.rawQuery('UPDATE payments SET x = 1 WHERE workspace_id = ? AND id = ?', [w, id])
      const ok5 = await db.from('workspaces').where('id', id).first()
      const ok6 = await db.table('consents').insert({ workspace_id: workspaceId })
    `
    const found = scanSource('fixture.ts', source, ['Payment', 'Funnel', 'CheckoutConfig'])
    assert.deepEqual(
      found.map((violation) => `${violation.line} ${violation.kind}`),
      [
        '2 model-query',
        '3 model-query',
        '4 hand-filter',
        '4 model-query',
        '5 bare-table',
        '6 unscoped-sql',
        '7 hand-filter',
        '8 model-query',
      ]
    )
  })
})
