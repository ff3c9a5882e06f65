import type Workspace from '#models/workspace'
import { withEndpointName } from '#actions/postbacks/list_deliveries'

/**
 * A delivery of the workspace by id, with its webhook endpoint's name. Another workspace's
 * delivery, or an id no column can hold, is a 404 (`firstOrFail`).
 */
export default class FindDelivery {
  static async handle({ workspace, id }: { workspace: Workspace; id: string | number }) {
    const text = String(id)
    const query = withEndpointName(workspace.related('postbackDeliveries').query().select('*'))
    if (/^\d{1,15}$/.test(text)) query.where('id', Number(text))
    else query.whereRaw('false')
    return query.firstOrFail()
  }
}
