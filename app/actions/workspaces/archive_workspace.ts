import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'

/**
 * Archives a workspace: it disappears from the switcher and its funnels stop being served,
 * while its data (payments above all) is kept.
 */
export default class ArchiveWorkspace {
  static async handle({ workspace }: { workspace: Workspace }) {
    if (!workspace.archivedAt) {
      workspace.archivedAt = DateTime.now()
      await workspace.save()
    }
    return workspace
  }
}
