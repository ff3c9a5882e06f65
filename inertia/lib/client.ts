import { registry } from '@generated/registry'
import { createTuyau } from '@tuyau/core/client'

/**
 * The route registry generated from start/routes (`node ace codegen`): `<Link route>`,
 * `<Form route>` and `urlFor` build URLs from route names, so a renamed or removed route fails
 * `npm run typecheck` instead of a click.
 */
export const client = createTuyau({
  /** The admin's own origin (custom admin domains included); Tuyau parses it with `new URL`. */
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  registry,
})

export const urlFor = client.urlFor
