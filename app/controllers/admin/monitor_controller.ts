import type { HttpContext } from '@adonisjs/core/http'
import ListVisitors from '#actions/visitors/list_visitors'
import VisitorRows from '#actions/visitors/visitor_rows'
import PaymentTransformer from '#transformers/payment_transformer'
import VisitorTransformer from '#transformers/visitor_transformer'
import LiveVariants from '#actions/split_tests/live_variants'

/**
 * `/w/:workspaceSlug/monitor`: the live monitor's starting picture (funnels with steps, online
 * visitors, latest payments). The page then follows Transmit events and, after a reconnect,
 * reloads `online` and `payments` to catch up on what it missed.
 */
export default class MonitorController {
  async show({ inertia, workspace }: HttpContext) {
    const [funnels, online, payments] = await Promise.all([
      VisitorRows.funnels(workspace),
      ListVisitors.handle({ workspace, filters: { status: 'online', perPage: 200 } }),
      workspace
        .related('payments')
        .query()
        .preload('funnel', (q) => q.select('id', 'name', 'workspace_id'))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(20),
    ])
    /** Which A/B variant each online visitor sees (issue 16); live events carry it after. */
    const live = await LiveVariants.handle({
      workspace,
      visitorIds: online.all().map((visitor) => visitor.publicId),
    })
    return inertia.render('monitor/show', {
      funnels,
      splitVariants: live.variants,
      variantOf: live.variantOf,
      online: VisitorTransformer.transform(online.all(), { funnels }).useVariant('row'),
      onlineTotal: online.total,
      payments: PaymentTransformer.transform(payments).useVariant('live'),
    })
  }
}
