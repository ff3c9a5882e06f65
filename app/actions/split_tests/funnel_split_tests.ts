import type Workspace from '#models/workspace'
import type Funnel from '#models/funnel'
import SplitTestTransformer from '#transformers/split_test_transformer'
import SplitTestResults from '#actions/split_tests/split_test_results'
import { serialize } from '#services/serialize'

/** Finished tests shown per funnel in the builder's history (the newest). */
const HISTORY = 10

/**
 * The builder's A/B tests of a funnel: every running test with its results (one per step at
 * most, so a handful), and the latest finished ones with theirs, newest first.
 */
export default class FunnelSplitTests {
  static async handle({ workspace, funnel }: { workspace: Workspace; funnel: Funnel }) {
    const tests = await workspace
      .related('splitTests')
      .query()
      .where('funnel_id', funnel.id)
      .preload('variants', (q) => q.orderBy('is_control', 'desc').orderBy('id'))
      .preload('step')
      .orderByRaw(`status = 'running' DESC, id DESC`)
      .limit(HISTORY)
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
