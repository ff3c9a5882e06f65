import type Workspace from '#models/workspace'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A visitor of the workspace by its public id (or numeric id, as in the seed; another
 * workspace's visitor is a 404), then its events newest first, paginated.
 */
export default class ListVisitorEvents {
  static async handle({
    workspace,
    key,
    page,
    perPage,
  }: {
    workspace: Workspace
    key: string
    page?: number
    perPage?: number
  }) {
    const visitor = await workspace
      .related('visitors')
      .query()
      .if(UUID.test(key), (q) => q.where('public_id', key))
      .if(!UUID.test(key), (q) => q.where('id', /^\d+$/.test(key) ? Number(key) : 0))
      .firstOrFail()
    const events = await visitor
      .related('events')
      .query()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(page ?? 1, perPage ?? 50)
    return { visitor, events }
  }
}
