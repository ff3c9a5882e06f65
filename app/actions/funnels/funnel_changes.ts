import type Funnel from '#models/funnel'
import FunnelPublication from '#models/funnel_publication'
import { draftSnapshot } from '#services/funnel_publication'
import { describeChange, diffSnapshots } from '#services/publication_diff'
import type { Locale } from '#services/i18n'

/**
 * What publishing the funnel now would change (the publish dialog): the draft against the
 * published version, one line per change in the reader's language, with the version on line.
 */
export default class FunnelChanges {
  static async handle({ funnel, locale }: { funnel: Funnel; locale: Locale }) {
    const [draft, published] = await Promise.all([
      draftSnapshot(funnel.workspaceId, funnel.id),
      funnel.publishedPublicationId
        ? FunnelPublication.forWorkspace(funnel.workspaceId)
            .where('id', funnel.publishedPublicationId)
            .first()
        : null,
    ])
    const changes = diffSnapshots(published?.snapshot ?? null, draft)
    return {
      published: published
        ? {
            version: published.version,
            publishedAt: published.createdAt.toISO(),
          }
        : null,
      changes: changes.map((change) => ({ ...change, label: describeChange(locale, change) })),
    }
  }
}
