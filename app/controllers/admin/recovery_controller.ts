import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import ListCheckoutSessions, {
  RECOVERY_STATUSES,
} from '#actions/checkout_sessions/list_checkout_sessions'

const filtersValidator = vine.create({
  status: vine.enum(RECOVERY_STATUSES).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().withoutDecimals().range([1, 10_000]).optional(),
})

/** `/w/:workspaceSlug/recovery`: "Recuperação" — abandoned checkouts, their links, export. */
export default class RecoveryController {
  async index({ inertia, request, workspace }: HttpContext) {
    const [, filters] = await filtersValidator.tryValidate(request.qs())
    const result = await ListCheckoutSessions.handle(workspace, filters ?? {})
    const day = (value?: Date) => (value ? value.toISOString().slice(0, 10) : null)
    return inertia.render('recovery/index', {
      ...result,
      filters: {
        status: filters?.status ?? null,
        from: day(filters?.from),
        to: day(filters?.to),
      },
    })
  }

  /** `GET /w/:workspaceSlug/recovery/export`: the same list (all pages) as CSV. */
  async export({ request, response, workspace }: HttpContext) {
    const [, filters] = await filtersValidator.tryValidate(request.qs())
    const { rows } = await ListCheckoutSessions.handle(workspace, filters ?? {}, { all: true })
    const cell = (value: unknown) => {
      const text = value === null || value === undefined ? '' : String(value)
      /** Spreadsheet formulas never run from a buyer's typed name. */
      const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
      return `"${safe.replaceAll('"', '""')}"`
    }
    const header = [
      'id',
      'status',
      'nome',
      'email',
      'telefone',
      'funil',
      'valor_centavos',
      'recuperado_centavos',
      'criado_em',
      'abandonado_em',
      'recuperado_em',
      'link_recuperacao',
    ]
    const lines = rows.map((row) =>
      [
        row.id,
        row.status,
        row.name,
        row.email,
        row.phone,
        row.funnelName,
        row.amountCents,
        row.recoveredCents,
        row.createdAt,
        row.abandonedAt,
        row.recoveredAt,
        row.recoveryUrl,
      ]
        .map(cell)
        .join(',')
    )
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header(
      'Content-Disposition',
      `attachment; filename="recuperacao-${workspace.slug}.csv"`
    )
    return [header.join(','), ...lines].join('\n') + '\n'
  }
}
