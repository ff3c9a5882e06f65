import type Workspace from '#models/workspace'

/**
 * A split test of the workspace with its variants (control first), or a 404: another
 * workspace's id is not found, never forbidden.
 */
export default class FindSplitTest {
  static async handle({ workspace, id }: { workspace: Workspace; id: number }) {
    return workspace
      .related('splitTests')
      .query()
      .where('id', id)
      .preload('variants', (q) => q.orderBy('is_control', 'desc').orderBy('id'))
      .preload('step')
      .firstOrFail()
  }
}
