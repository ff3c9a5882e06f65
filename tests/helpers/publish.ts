import type Funnel from '#models/funnel'
import PublishFunnel from '#actions/funnels/publish_funnel'

/**
 * Publishes a funnel's current draft, as "Publicar" does: the public site serves published
 * versions only (issue 18 item 4), so a test that sets a funnel up in the database and then
 * visits it publishes it first — and again after changing the draft.
 */
export async function publish(funnel: Funnel) {
  const { publication } = await PublishFunnel.handle({ funnel })
  return publication
}
