import type Workspace from '#models/workspace'

/**
 * A payment of the workspace by numeric id or public token. Another workspace's payment is a
 * 404 (`firstOrFail`), whichever key is used.
 */
export default class FindPayment {
  static async handle({ workspace, key }: { workspace: Workspace; key: string | number }) {
    const text = String(key)
    const query = workspace.related('payments').query()
    if (/^\d{1,9}$/.test(text)) query.where('id', Number(text))
    else if (/^[A-Za-z0-9_-]{16,64}$/.test(text)) query.where('public_token', text)
    else query.whereRaw('false')
    return query.firstOrFail()
  }
}
