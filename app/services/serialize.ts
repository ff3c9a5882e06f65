import app from '@adonisjs/core/services/app'
import { BaseSerializer } from '@adonisjs/core/transformers'

/**
 * Resolves transformer output (`X.transform(row).useVariant('detail')`, a collection, or an
 * object whose top-level values are those) into plain JSON, unwrapped: the API answers
 * `{ funnel: {...} }` and `{ data, meta }` exactly as it did before transformers were classes,
 * and Inertia's own serializer (also unwrapped) does the same for page props. Its result type is
 * the transformer variant's generated type, so the page contract follows the transformer.
 */
class PlainSerializer extends BaseSerializer<{ PaginationMetaData: Record<string, any> }> {
  wrap = undefined
  definePaginationMetaData(metaData: unknown) {
    return metaData as Record<string, any>
  }
}

const serializer = new PlainSerializer()

export const serialize: PlainSerializer['serialize'] = ((value: any) =>
  serializer.serialize(value, app.container.createResolver())) as PlainSerializer['serialize']
