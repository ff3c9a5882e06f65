/**
 * The URL of a named route, as the app builds it (start/routes): tests request
 * `route('w.funnels.show', { workspaceSlug, id })` instead of a hand-written path, so a renamed
 * or moved route fails `tsc` and every test that uses it, not a 404 somewhere. Query strings:
 * `route(name, params, { qs })`. Paths a visitor types on a funnel host (`/oferta/checkout`,
 * `/_funil/pay/…`) are not route patterns (the site routes live under an internal prefix) and
 * stay literal in the tests, as do URLs a test means literally (a path that must 404).
 */
export { urlFor as route } from '@adonisjs/core/services/url_builder'
