import type { HttpContext } from '@adonisjs/core/http'
import { createReadStream } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { openApiDocument } from '#services/openapi'
import { PRODUCT_NAME, resolveAdminBrand } from '#services/agency_brand'
import { requestHost } from '#services/request_host'

/** On an agency's admin domain the API reference carries its product name, never ours. */
async function productNameOf(request: HttpContext['request']) {
  const brand = await resolveAdminBrand({ host: requestHost(request) })
  return brand.productName
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** Scalar's standalone bundle, served from node_modules (no CDN; the package does not export it). */
const SCALAR_BUNDLE = 'node_modules/@scalar/api-reference/dist/browser/standalone.js'

/** The API's OpenAPI document and its reference page (Scalar). Public: no secrets in either. */
export default class DocsController {
  /** `GET /api/openapi.json`, generated from the routes and validators. */
  async openapi({ request, response }: HttpContext) {
    response.header('cache-control', 'no-cache')
    const document = openApiDocument('/')
    const name = await productNameOf(request)
    if (name === PRODUCT_NAME) return document
    const info = document.info as { title: string; description?: string }
    return {
      ...document,
      info: {
        ...info,
        title: `${name} API`,
        description: info.description?.replaceAll(PRODUCT_NAME, name),
      },
    }
  }

  /** `GET /docs/api`: Scalar reads the document from `data-url`; no inline script (CSP). */
  async page({ request, response }: HttpContext) {
    const title = escapeHtml(`${await productNameOf(request)} API`)
    const nonce = (response as unknown as { nonce?: string }).nonce ?? ''
    const config = JSON.stringify({ withDefaultFonts: false, hideClientButton: true }).replaceAll(
      '"',
      '&quot;'
    )
    response.header('content-type', 'text/html; charset=utf-8')
    return `<!doctype html>
<html lang="pt-BR">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body>
    <script id="api-reference" data-url="/api/openapi.json" data-configuration="${config}"></script>
    <script src="/docs/api/scalar.js" nonce="${nonce}"></script>
  </body>
</html>`
  }

  async bundle({ response }: HttpContext) {
    response.header('content-type', 'text/javascript; charset=utf-8')
    response.header('cache-control', 'public, max-age=86400')
    return response.stream(createReadStream(app.makePath(SCALAR_BUNDLE)))
  }
}
