import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'
import type { ExportKind } from '#models/data_export'
import {
  localDay,
  whereDeliveryFilters,
  type DeliveryFilters,
} from '#actions/postbacks/list_deliveries'
import type { PaymentFilters } from '#actions/payments/list_payments'
import type { VisitorFilters } from '#actions/visitors/list_visitors'
import { csvDateFormatter, csvMoney, csvText } from '#services/csv'
import { formatCpf, formatPhone } from '#services/personal_data'
import { deviceFromUserAgent } from '#services/user_agent'
import { t } from '#services/i18n'

/** Rows read from PostgreSQL per query: big enough to amortise the round trip, small in memory. */
export const EXPORT_BATCH_ROWS = 5000

export interface ExportOptions {
  /** Owners and admins export whole CPFs; other roles get the mask the admin shows them. */
  fullCpf: boolean
  /** Rows per keyset page (tests use small pages to cross page boundaries). */
  batchRows?: number
}

/** One export: its header, how many rows match, and the rows in batches. */
export interface ExportSource {
  header: string[]
  count(): Promise<number>
  batches(): AsyncGenerator<unknown[][]>
}

type Row = Record<string, any>

const DEVICE = {
  mobile: 'celular',
  tablet: 'tablet',
  desktop: 'computador',
  bot: 'robô',
  unknown: '',
}

/** "celular (Android)", "computador (Windows)". */
function device(userAgent: string | null) {
  const { kind, os } = deviceFromUserAgent(userAgent)
  return os && DEVICE[kind] ? `${DEVICE[kind]} (${os})` : DEVICE[kind]
}

/**
 * Keyset pagination by id, newest first: each page is `id < last id seen` on the
 * `(workspace_id, id)` unique index, so page 200 costs what page 1 costs (OFFSET would read
 * every skipped row) and no cursor or transaction stays open between pages.
 */
async function* keyset(
  page: (beforeId: number | null, limit: number) => Promise<Row[]>,
  map: (row: Row) => unknown[],
  limit: number
) {
  let beforeId: number | null = null
  while (true) {
    const rows = await page(beforeId, limit)
    if (rows.length) yield rows.map(map)
    if (rows.length < limit) return
    beforeId = Number(rows[rows.length - 1].id)
  }
}

/** The number of rows a filtered query matches. */
async function countOf(query: { count: Function }) {
  const [row] = await query.count('* as total').pojo()
  return Number(row.total)
}

/** A filter's day (`YYYY-MM-DD`) as the workspace's local day, as the lists read it. */
function period(filters: { from?: Date; to?: Date }, zone: string) {
  return {
    from: filters.from ? localDay(filters.from, zone).toJSDate() : null,
    to: filters.to ? localDay(filters.to, zone).endOf('day').toJSDate() : null,
  }
}

/** The workspace's funnels and steps by id: names without a join or a query per row. */
async function names(workspace: Workspace) {
  const funnels = await workspace.related('funnels').query().select('id', 'name')
  const steps = await workspace.related('funnelSteps').query().select('id', 'name')
  return {
    funnel: new Map(funnels.map((funnel) => [funnel.id, funnel.name])),
    step: new Map(steps.map((step) => [step.id, step.name])),
  }
}

function paymentsSource(
  workspace: Workspace,
  filters: PaymentFilters,
  options: ExportOptions
): ExportSource {
  const zone = workspace.timezone || 'America/Sao_Paulo'
  const { from, to } = period(filters, zone)
  const date = csvDateFormatter(zone)
  const scoped = () =>
    workspace
      .related('payments')
      .query()
      .if(filters.status, (q) => q.where('status', filters.status!))
      .if(filters.funnelId, (q) => q.where('funnel_id', filters.funnelId!))
      .if(from, (q) => q.where('created_at', '>=', from!))
      .if(to, (q) => q.where('created_at', '<=', to!))
  const status = (value: string) => t('pt-BR', `payments.status.${value}`)
  return {
    header: [
      'ID',
      'Criado em',
      'Pago em',
      'Status',
      'Valor (R$)',
      'Moeda',
      'Produto',
      'Nome',
      'E-mail',
      'Telefone',
      'CPF',
      'Funil',
      'Gateway',
      'ID no gateway',
      'Pedido original',
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_content',
      'utm_term',
    ],
    count: () => countOf(scoped()),
    batches: async function* () {
      const { funnel } = await names(workspace)
      yield* keyset(
        (beforeId, limit) =>
          scoped()
            .select(
              'id',
              'created_at',
              'paid_at',
              'status',
              'amount_cents',
              'currency',
              /**
               * The JSON columns' few fields as text, read by PostgreSQL: no JSON.parse of
               * whole documents per row, so each batch leaves little garbage behind.
               */
              db.raw(
                `(SELECT string_agg(i->>'name', ' + ') FROM jsonb_array_elements(items) i) AS product`
              ),
              db.raw(`customer_data->>'name' AS customer_name`),
              db.raw(`customer_data->>'email' AS customer_email`),
              db.raw(`customer_data->>'phone' AS customer_phone`),
              db.raw(`customer_data->>'cpf' AS customer_cpf`),
              'funnel_id',
              'gateway',
              'external_id',
              'parent_payment_id',
              ...['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'].map(
                (key) => db.raw(`attribution->>'${key}' AS ${key}`)
              )
            )
            .if(beforeId, (q) => q.where('id', '<', beforeId!))
            .orderBy('id', 'desc')
            .limit(limit)
            .pojo<Row>(),
        (row) => {
          return [
            row.id,
            date(row.created_at),
            date(row.paid_at),
            status(row.status),
            csvMoney(row.amount_cents),
            row.currency,
            csvText(row.product),
            csvText(row.customer_name),
            csvText(row.customer_email),
            formatPhone(row.customer_phone) ?? '',
            formatCpf(row.customer_cpf, options.fullCpf) ?? '',
            csvText(funnel.get(row.funnel_id)),
            row.gateway,
            csvText(row.external_id),
            row.parent_payment_id ?? '',
            csvText(row.utm_source),
            csvText(row.utm_medium),
            csvText(row.utm_campaign),
            csvText(row.utm_content),
            csvText(row.utm_term),
          ]
        },
        options.batchRows ?? EXPORT_BATCH_ROWS
      )
    },
  }
}

/**
 * Visitors as the visitors list filters them (status, funnel, current step, active in the
 * period); `leadsOnly` keeps the visitors who filled a capture form ("leads").
 */
function visitorsSource(
  workspace: Workspace,
  filters: VisitorFilters,
  options: ExportOptions,
  leadsOnly: boolean
): ExportSource {
  const zone = workspace.timezone || 'America/Sao_Paulo'
  const date = csvDateFormatter(zone)
  /** The visitors list reads `from`/`to` as the workspace's days (see VisitorsController). */
  const day = (value: Date | undefined, edge: 'startOf' | 'endOf') =>
    value
      ? DateTime.fromJSDate(value).setZone(zone, { keepLocalTime: true })[edge]('day').toJSDate()
      : null
  const from = day(filters.from, 'startOf')
  const to = day(filters.to, 'endOf')
  const status = filters.status ?? (leadsOnly ? 'all' : 'online')
  const scoped = () =>
    workspace
      .related('visitors')
      .query()
      .if(status !== 'all', (q) => q.where('is_online', status === 'online'))
      .if(filters.funnelId, (q) => q.where('funnel_id', filters.funnelId!))
      .if(filters.stepId, (q) => q.where('current_step_id', filters.stepId!))
      .if(from, (q) => q.where('last_activity', '>=', from!))
      .if(to, (q) => q.where('first_visit', '<=', to!))
      .if(leadsOnly, (q) => q.whereRaw(`lead <> '{}'::jsonb`))
  const leadColumns = ['Nome', 'E-mail', 'Telefone']
  const visitColumns = [
    'Primeira visita',
    'Última atividade',
    'Online',
    'Funil',
    'Etapa atual',
    'Dispositivo',
    'utm_source',
    'utm_medium',
    'utm_campaign',
    'utm_content',
    'utm_term',
    'src',
    'sck',
    'Referência',
    'Página de entrada',
  ]
  return {
    header: ['ID', ...(leadsOnly ? leadColumns : []), ...visitColumns],
    count: () => countOf(scoped()),
    batches: async function* () {
      const { funnel, step } = await names(workspace)
      yield* keyset(
        (beforeId, limit) =>
          scoped()
            .select(
              'id',
              'public_id',
              db.raw(`lead->>'name' AS lead_name`),
              db.raw(`lead->>'email' AS lead_email`),
              db.raw(`lead->>'phone' AS lead_phone`),
              'first_visit',
              'last_activity',
              'is_online',
              'funnel_id',
              'current_step_id',
              'user_agent',
              'utm_source',
              'utm_medium',
              'utm_campaign',
              'utm_content',
              'utm_term',
              'src',
              'sck',
              'referrer',
              'landing_url'
            )
            .if(beforeId, (q) => q.where('id', '<', beforeId!))
            .orderBy('id', 'desc')
            .limit(limit)
            .pojo<Row>(),
        (row) => {
          return [
            row.public_id,
            ...(leadsOnly
              ? [csvText(row.lead_name), csvText(row.lead_email), formatPhone(row.lead_phone) ?? '']
              : []),
            date(row.first_visit),
            date(row.last_activity),
            row.is_online ? 'sim' : 'não',
            csvText(funnel.get(row.funnel_id)),
            csvText(step.get(row.current_step_id)),
            device(row.user_agent),
            csvText(row.utm_source),
            csvText(row.utm_medium),
            csvText(row.utm_campaign),
            csvText(row.utm_content),
            csvText(row.utm_term),
            csvText(row.src),
            csvText(row.sck),
            csvText(row.referrer),
            csvText(row.landing_url),
          ]
        },
        options.batchRows ?? EXPORT_BATCH_ROWS
      )
    },
  }
}

function deliveriesSource(
  workspace: Workspace,
  filters: DeliveryFilters,
  options: ExportOptions
): ExportSource {
  const zone = workspace.timezone || 'America/Sao_Paulo'
  const { from, to } = period(filters, zone)
  const date = csvDateFormatter(zone)
  const scoped = () =>
    whereDeliveryFilters(workspace.related('postbackDeliveries').query(), filters)
      .if(filters.status, (q) => q.where('status', filters.status!))
      .if(from, (q) => q.where('created_at', '>=', from!))
      .if(to, (q) => q.where('created_at', '<=', to!))
  return {
    header: [
      'ID',
      'Criado em',
      'Destino',
      'Evento',
      'Status',
      'Pagamento',
      'Resposta HTTP',
      'Tentativas',
      'Duração (ms)',
      'Entregue em',
      'Próxima tentativa',
      'Último erro',
    ],
    count: () => countOf(scoped()),
    batches: async function* () {
      const rows = await workspace.related('webhookEndpoints').query().select('id', 'name')
      const endpoints = new Map(rows.map((endpoint) => [endpoint.id, endpoint.name]))
      yield* keyset(
        (beforeId, limit) =>
          scoped()
            .select(
              'id',
              'created_at',
              'target',
              'event',
              'status',
              'payment_id',
              'webhook_endpoint_id',
              'response_status',
              'attempts',
              'duration_ms',
              'delivered_at',
              'next_attempt_at',
              'last_error'
            )
            .if(beforeId, (q) => q.where('id', '<', beforeId!))
            .orderBy('id', 'desc')
            .limit(limit)
            .pojo<Row>(),
        (row) => [
          row.id,
          date(row.created_at),
          row.webhook_endpoint_id && endpoints.has(row.webhook_endpoint_id)
            ? t('pt-BR', 'deliveries.target.custom_named', {
                name: endpoints.get(row.webhook_endpoint_id)!,
              })
            : t('pt-BR', `deliveries.target.${row.target}`),
          csvText(row.event),
          t('pt-BR', `deliveries.status.${row.status}`),
          row.payment_id ?? '',
          row.response_status ?? '',
          row.attempts,
          row.duration_ms ?? '',
          date(row.delivered_at),
          date(row.next_attempt_at),
          csvText(row.last_error),
        ],
        options.batchRows ?? EXPORT_BATCH_ROWS
      )
    },
  }
}

/** The export of one list with that list's filters (already validated). */
export function exportSource(
  workspace: Workspace,
  kind: ExportKind,
  filters: Record<string, any>,
  options: ExportOptions
): ExportSource {
  switch (kind) {
    case 'payments':
      return paymentsSource(workspace, filters, options)
    case 'leads':
      return visitorsSource(workspace, filters, options, true)
    case 'visitors':
      return visitorsSource(workspace, filters, options, false)
    case 'deliveries':
      return deliveriesSource(workspace, filters, options)
  }
}

/** `pagamentos-2026-12-02.csv`: what the file is and when it was made, in the workspace's day. */
export function exportFileName(workspace: Workspace, kind: ExportKind) {
  const label = {
    payments: 'pagamentos',
    leads: 'leads',
    visitors: 'visitantes',
    deliveries: 'entregas',
  }[kind]
  const day = DateTime.now()
    .setZone(workspace.timezone || 'America/Sao_Paulo')
    .toISODate()
  return `${workspace.slug}-${label}-${day}.csv`
}

/**
 * Above this many rows an export runs as a job with a progress bar instead of in the request
 * (tests lower it to exercise the job path with a few rows).
 */
export const exportLimits = { syncMaxRows: 20_000 }
