import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import ListVisitors from '#actions/visitors/list_visitors'
import ListVisitorEvents from '#actions/visitors/list_visitor_events'
import VisitorTransformer from '#transformers/visitor_transformer'
import VisitorEventTransformer from '#transformers/visitor_event_transformer'
import VisitorRows from '#actions/visitors/visitor_rows'
import VisitorTimeline from '#actions/visitors/visitor_timeline'
import { pageOf } from '#services/pagination'
import { listVisitorEventsValidator, listVisitorsValidator } from '#validators/visitor'
import type { TimelineEntry } from '#actions/visitors/visitor_timeline'

/** `/w/:workspaceSlug/visitors`: online or all visitors with filters, and a visitor's timeline. */
export default class VisitorsController {
  async index({ inertia, request, workspace, workspaceRole }: HttpContext) {
    const [, filters] = await listVisitorsValidator.tryValidate(request.qs())
    const zone = workspace.timezone || 'America/Sao_Paulo'
    /** The period's days are the workspace's days. */
    const day = (value: Date | undefined, edge: 'startOf' | 'endOf') =>
      value
        ? DateTime.fromJSDate(value).setZone(zone, { keepLocalTime: true })[edge]('day').toJSDate()
        : undefined
    const visitors = await ListVisitors.handle({
      workspace,
      filters: {
        ...filters,
        status: filters?.status ?? 'online',
        from: day(filters?.from, 'startOf'),
        to: day(filters?.to, 'endOf'),
      },
    })
    const funnels = await VisitorRows.funnels(workspace)
    const iso = (value?: Date) =>
      value ? DateTime.fromJSDate(value).setZone('UTC').toISODate() : null
    return inertia.render('visitors/index', {
      visitors: await pageOf(visitors, (rows) =>
        VisitorTransformer.transform(rows, { funnels, presentLeadFor: workspaceRole }).useVariant(
          'row'
        )
      ),
      funnels,
      filters: {
        status: filters?.status ?? 'online',
        funnelId: filters?.funnelId ?? null,
        stepId: filters?.stepId ?? null,
        from: iso(filters?.from),
        to: iso(filters?.to),
      },
    })
  }

  async show({ inertia, request, params, workspace, workspaceRole }: HttpContext) {
    const [, query] = await listVisitorEventsValidator.tryValidate(request.qs())
    const { visitor, events } = await ListVisitorEvents.handle({
      workspace,
      key: String(params.id),
      page: query?.page,
      perPage: query?.perPage ?? 100,
    })
    const funnels = await VisitorRows.funnels(workspace)
    const steps = new Map(funnels.flatMap((f) => f.steps.map((s) => [s.id, s.name] as const)))
    const timeline = await pageOf(events, (rows) =>
      VisitorEventTransformer.transform(rows, steps).useVariant('withStepName')
    )
    /**
     * The page views come from the visitor's events; its PIX (generated, paid) and the
     * postbacks they triggered live in their own tables: the first page merges them in, newest
     * first, so the story reads whole (a visitor has a handful of payments, never pages of them).
     */
    const extra =
      timeline.meta.currentPage === 1
        ? await VisitorTimeline.paymentEntries(workspace, visitor.id, steps)
        : []
    const at = (entry: { createdAt: string | null }) => Date.parse(entry.createdAt ?? '') || 0
    const data: Array<(typeof timeline.data)[number] | TimelineEntry> = [
      ...timeline.data,
      ...extra,
    ].sort((a, b) => at(b) - at(a))
    return inertia.render('visitors/show', {
      visitor: VisitorTransformer.transform(visitor, {
        funnels,
        presentLeadFor: workspaceRole,
      }).useVariant('row'),
      events: { ...timeline, data },
    })
  }
}
