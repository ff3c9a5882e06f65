import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Tables that carry `workspace_id`, by the schema class database/schema.ts generates for them (the
 * unit test compares the keys with that file, so a new tenant table cannot be forgotten here).
 * `invitations` is agency-wide (a `workspace_ids` array), not one workspace's row.
 */
export const TENANT_TABLES: Record<string, string> = {
  AnalyticsDaily: 'analytics_daily',
  AuditEvent: 'audit_events',
  BuyerEmail: 'buyer_emails',
  CheckoutConfig: 'checkout_configs',
  CheckoutSession: 'checkout_sessions',
  Consent: 'consents',
  Coupon: 'coupons',
  CouponFunnel: 'coupon_funnels',
  CouponRedemption: 'coupon_redemptions',
  CpfLookup: 'cpf_lookups',
  Credential: 'credentials',
  DataExport: 'data_exports',
  Funnel: 'funnels',
  FunnelPublication: 'funnel_publications',
  FunnelStep: 'funnel_steps',
  Payment: 'payments',
  PaymentTransition: 'payment_transitions',
  PostbackDelivery: 'postback_deliveries',
  ReconciliationMismatch: 'reconciliation_mismatches',
  SplitTest: 'split_tests',
  SplitTestVariant: 'split_test_variants',
  TrackingPixel: 'tracking_pixels',
  Visitor: 'visitors',
  VisitorEvent: 'visitor_events',
  WebhookEndpoint: 'webhook_endpoints',
  WebhookEvent: 'webhook_events',
  WorkspaceMember: 'workspace_members',
}

/**
 * Lucid models of those tables: every model whose schema class has a `workspaceId` column (read
 * from app/models, so a new tenant model is guarded the day it is written).
 */
export function tenantModels(): string[] {
  const tenantSchemas = new Set(schemaClassesWithWorkspaceId())
  return readdirSync(join(ROOT, 'app/models'))
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => {
      const source = readFileSync(join(ROOT, 'app/models', name), 'utf8')
      const match = source.match(/export default class (\w+) extends (?:compose\()?(\w+)Schema\b/)
      if (!match) return []
      return tenantSchemas.has(match[2]) || /\bWithWorkspace\)/.test(source) ? [match[1]] : []
    })
}

/** Static model methods that read (or lock) rows: a tenant model must not start a query with them. */
const MODEL_READS = new Set([
  'query',
  'find',
  'findOrFail',
  'findBy',
  'findByOrFail',
  'findMany',
  'findManyBy',
  'all',
  'first',
  'firstOrFail',
  'firstOrNew',
  'firstOrCreate',
  'updateOrCreate',
  'updateOrCreateMany',
  'fetchOrCreateMany',
  'fetchOrNewUpMany',
])

const RAW_SQL_CALLS = new Set(['rawQuery', 'raw', 'whereRaw', 'orWhereRaw', 'joinRaw', 'fromRaw'])
const TABLES = Object.values(TENANT_TABLES).join('|')
const TENANT_FROM = new RegExp(`^\\s*(${TABLES})(\\s|$)`, 'i')
const TENANT_IN_SQL = new RegExp(`\\b(FROM|UPDATE|JOIN)\\s+(${TABLES})\\b`, 'i')

export type ViolationKind =
  /** `Payment.query()`, `Funnel.findOrFail(id)`: a tenant model read not started from the workspace. */
  | 'model-query'
  /** `.where('workspace_id', …)`, `whereRaw('workspace_id = ?')`: the filter written by hand. */
  | 'hand-filter'
  /** `db.from('payments')`: a tenant table read through the bare query builder. */
  | 'bare-table'
  /** Raw SQL reading or updating a tenant table without naming `workspace_id` at all. */
  | 'unscoped-sql'

export interface Violation {
  file: string
  line: number
  kind: ViolationKind
  text: string
}

function literalText(node: ts.Node | undefined): string | null {
  if (!node) return null
  if (ts.isStringLiteralLike(node)) return node.text
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => `\${}${span.literal.text}`)].join(
      ''
    )
  }
  return null
}

function mentionsWorkspaceId(node: ts.Node): boolean {
  const text = literalText(node)
  if (text !== null) return /\bworkspace_?id\b/i.test(text)
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.some((property) => {
      const name = property.name && ts.isIdentifier(property.name) ? property.name.text : null
      const literal = property.name ? literalText(property.name) : null
      return /^workspace_?id$/i.test(name ?? literal ?? '')
    })
  }
  return false
}

/**
 * Tenant queries in one source text that do not start from the workspace. The one way to start
 * one: `workspace.related('payments').query()` (+ `.useTransaction(trx)`) with the workspace at
 * hand, `Payment.forWorkspace(workspaceOrId, { client: trx })` with its id only (a job payload, a
 * locked row), `workspaceTable(workspaceOrId, 'payments as p', trx)` for the bare query builder.
 */
export function scanSource(
  file: string,
  source: string,
  models: string[] = tenantModels()
): Violation[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true)
  const found: Violation[] = []
  const report = (node: ts.Node, kind: ViolationKind) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile))
    const text = node.getText(sourceFile).split('\n')[0].trim().slice(0, 120)
    found.push({ file, line: line + 1, kind, text })
  }

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text
      const receiver = node.expression.expression
      const [first] = node.arguments

      if (MODEL_READS.has(method) && ts.isIdentifier(receiver) && models.includes(receiver.text)) {
        report(node, 'model-query')
      } else if (
        /^(or|and)?where/i.test(method) &&
        !/^(or|and)?where(Exists|NotExists)$/i.test(method) &&
        node.arguments.some((argument) => mentionsWorkspaceId(argument))
      ) {
        report(node, 'hand-filter')
      } else if (method === 'from' && TENANT_FROM.test(literalText(first) ?? '')) {
        report(node, 'bare-table')
      } else if (RAW_SQL_CALLS.has(method)) {
        const sql = literalText(first)
        if (sql && TENANT_IN_SQL.test(sql) && !/\bworkspace_id\s*(=|in\b)/i.test(sql)) {
          report(node, 'unscoped-sql')
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

function sourcesUnder(path: string): string[] {
  return readdirSync(join(ROOT, path), { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return sourcesUnder(join(path, entry.name))
    return entry.name.endsWith('.ts') ? [join(path, entry.name)] : []
  })
}

/** Every violation in the back end's code (app/ and workers/). */
export function scanCodebase(): Violation[] {
  const models = tenantModels()
  return ['app', 'workers']
    .flatMap((dir) => sourcesUnder(dir))
    .flatMap((file) => scanSource(file, readFileSync(join(ROOT, file), 'utf8'), models))
}

/** `workspaceId` columns declared in the generated schema classes, by class name. */
export function schemaClassesWithWorkspaceId(): string[] {
  const schema = readFileSync(join(ROOT, 'database/schema.ts'), 'utf8')
  return [
    ...schema.matchAll(
      /export class (\w+)Schema extends BaseModel \{\n\s+static \$columns = \[([^\]]*)\]/g
    ),
  ]
    .filter(([, , columns]) => columns.includes("'workspaceId'"))
    .map(([, name]) => name)
}
