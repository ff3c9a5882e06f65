import type Workspace from '#models/workspace'
import SplitTestTransformer from '#transformers/split_test_transformer'
import SplitTestResults from '#actions/split_tests/split_test_results'
import { serialize } from '#services/serialize'

/** Tests the dashboard shows at most (one per tested step; a funnel has a handful of steps). */
const SHOWN = 5

/** The running A/B tests of a funnel with their results, for the dashboard. */
export default class RunningSplitTests {
  static async handle({ workspace, funnelId }: { workspace: Workspace; funnelId?: number | null }) {
    if (!funnelId) return []
    const tests = await workspace
      .related('splitTests')
      .query()
      .where('funnel_id', funnelId)
      .where('status', 'running')
      .preload('variants', (q) => q.orderBy('is_control', 'desc').orderBy('id'))
      .preload('step')
      .orderBy('id', 'desc')
      .limit(SHOWN)
    return Promise.all(
      tests.map(async (test) =>
        serialize(
          SplitTestTransformer.transform(
            test,
            await SplitTestResults.handle({ workspace, test })
          ).useVariant('withResults')
        )
      )
    )
  }
}
