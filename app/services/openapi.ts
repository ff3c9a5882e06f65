import router from '@adonisjs/core/services/router'
import { API_CONTRACT } from '#services/api_contract'

/**
 * The OpenAPI 3.1 document of the JSON API, built at request time from the router's route list
 * and each route's VineJS validators (their JSON Schema) in #services/api_contract: nothing is
 * written by hand that could drift from what the server accepts. The contract tests call every
 * route through this document and fail when an `/api` route has no entry.
 */

const DESCRIPTION = `
The JSON API of Funil Digital, at the paths of the original specification.

## Differences from the original specification
- **Authentication:** an opaque bearer access token (\`POST /api/auth/login\` → \`token\`), not a JWT.
  Send \`Authorization: Bearer <token>\`. \`POST /api/auth/logout\` revokes it. The admin session cookie
  is not accepted on \`/api/*\`.
- **Workspace:** every route but \`/api/auth/*\` acts inside one workspace. Choose it with
  \`workspace\` (id or slug) in the login body (a workspace-bound token), or with the \`X-Workspace\`
  header (id or slug) and an agency-wide token. Without either: \`400 workspace_required\`.
  \`GET /api/auth/me\` lists the workspaces (id, slug, name, role).
- **Request shapes:** both the specification's snake_case (\`is_active\`, \`step_type\`, \`event_name\`,
  \`order_index\`, \`pixel_id\`, \`api_key\`…) and camelCase are accepted. Sending both names of one
  field with different values is a 422 \`field_conflict\`. A field neither shape knows is a 422
  \`unknown_field\` naming it (never dropped silently); unknown **query** parameters are ignored.
- **Money:** amounts are integer cents (\`productPriceCents: 9790\`). The specification's decimal
  \`product_price\` (\`97.9\` or \`"97.90"\`) is converted exactly to cents; more than two decimals is a
  422 \`decimal_places\`.
- **Responses** are camelCase and wrapped: one object under its name (\`{ "funnel": {…} }\`),
  lists as \`{ "data": [...], "meta": { total, perPage, currentPage, lastPage } }\`.
- **Steps:** \`order_index\` on create inserts at that position, on update moves the step (the
  others shift, same lock as \`PUT …/steps/reorder\`); the reorder body is \`{ ids }\` (or \`step_ids\`).
- **Dashboard:** \`from\`/\`to\` (YYYY-MM-DD) default to the last 30 days in the workspace's time zone.

## Errors
Every error is \`{ "errors": [{ "field"?, "rule", "message" }] }\` with its status: 400 bad request
(\`workspace_required\`), 401 no/invalid token, 403 role or token ability too low, 404 not found
(another workspace's ids are always 404), 409 conflict, 413/415 body too large / wrong type,
422 validation (one entry per field), 429 too many requests.

## Pagination
List routes take \`page\` (from 1) and \`perPage\` (25 by default, 100 at most; \`per_page\` also works).

## Rate limits
Login attempts are limited per e-mail and IP (429 with \`Retry-After\` once locked). Public
(buyer-facing) routes are throttled per IP. Authenticated API routes are not rate-limited
today beyond those; keep to a few requests per second per token.
`.trim()

type Schema = Record<string, any>

const ERRORS: Schema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['rule', 'message'],
        properties: {
          field: { type: 'string' },
          rule: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
}

const PAGINATED: Schema = {
  type: 'object',
  required: ['data', 'meta'],
  properties: {
    data: { type: 'array', items: { type: 'object' } },
    meta: {
      type: 'object',
      required: ['total', 'perPage', 'currentPage', 'lastPage'],
      properties: {
        total: { type: 'integer' },
        perPage: { type: 'integer' },
        currentPage: { type: 'integer' },
        lastPage: { type: 'integer' },
      },
    },
  },
}

/** Routes outside the bearer token (the gateway webhook authenticates with its URL token). */
const PUBLIC_ROUTES = new Set([
  'api.openapi',
  'api.auth.login',
  'api.payments.webhook',
  'api.payments.webhook.token',
])
/** Routes that need no workspace. */
const NO_WORKSPACE = new Set(['api.auth.login', 'api.auth.logout', 'api.auth.me'])

/** Merges the JSON Schemas of a route's validators into one object schema of properties. */
function mergedProperties(schemas: Schema[]) {
  const properties: Record<string, Schema> = {}
  const visit = (node: Schema | undefined) => {
    if (!node) return
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      properties[key] ??= value as Schema
    }
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
      visit(branch)
    }
  }
  schemas.forEach(visit)
  return properties
}

function snake(key: string) {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

function successResponse(name: string, method: string) {
  if (method === 'DELETE') return { '204': { description: 'Deleted' } }
  const status = method === 'POST' && /\.(store|create|clone)$/.test(name) ? '201' : '200'
  if (name === 'api.checkout.preview') {
    return { [status]: { description: 'The rendered page', content: { 'text/html': {} } } }
  }
  const schema =
    /\.(index|events)$/.test(name) && name !== 'api.steps.index' ? PAGINATED : { type: 'object' }
  return { [status]: { description: 'OK', content: { 'application/json': { schema } } } }
}

/** Every `/api` route the router knows, with its name, methods and pattern. */
export function apiRoutes() {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => route.pattern.startsWith('/api/') || route.pattern === '/api')
    .flatMap((route) =>
      route.methods
        .filter((method) => method !== 'HEAD')
        .map((method) => ({ method, pattern: route.pattern, name: route.name ?? '' }))
    )
}

export function openApiDocument(baseUrl = '/') {
  const paths: Record<string, Record<string, Schema>> = {}
  for (const route of apiRoutes()) {
    const contract = API_CONTRACT[route.name]
    if (!contract) continue
    const path = route.pattern.replace(/:(\w+)/g, '{$1}')
    const parameters: Schema[] = [...route.pattern.matchAll(/:(\w+)/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: name === 'token' ? { type: 'string' } : { type: 'integer', minimum: 1 },
    }))
    if (!NO_WORKSPACE.has(route.name) && !PUBLIC_ROUTES.has(route.name)) {
      parameters.push({
        name: 'X-Workspace',
        in: 'header',
        required: false,
        description: 'Workspace id or slug (agency-wide tokens only; a bound token must match it)',
        schema: { type: 'string' },
      })
    }
    const query = mergedProperties((contract.query ?? []).map((v) => v.toJSONSchema() as Schema))
    for (const [name, schema] of Object.entries(query)) {
      parameters.push({
        name,
        in: 'query',
        required: false,
        schema,
        ...(snake(name) !== name ? { description: `Also \`${snake(name)}\`` } : {}),
      })
    }

    const operation: Schema = {
      operationId: route.name,
      summary: contract.summary,
      tags: [route.pattern.split('/')[2]],
      parameters,
      responses: {
        ...successResponse(route.name, route.method),
        default: {
          description: 'An error (see Errors)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
        },
      },
    }
    if (PUBLIC_ROUTES.has(route.name)) operation.security = []
    if (contract.body?.length) {
      const body = contract.body.map((v) => v.toJSONSchema() as Schema)
      const snakeNames = Object.keys(mergedProperties(body))
        .filter((key) => snake(key) !== key)
        .map((key) => `\`${snake(key)}\``)
      const money = Object.keys(contract.money ?? {})
      operation.requestBody = {
        required: true,
        description: [
          snakeNames.length ? `snake_case also accepted: ${snakeNames.join(', ')}.` : '',
          money.length
            ? `Decimal reais accepted as ${money.map((m) => `\`${m}\``).join(', ')}.`
            : '',
          contract.ignored?.length
            ? `Ignored on purpose (the server decides): ${contract.ignored.map((k) => `\`${k}\``).join(', ')}.`
            : '',
        ]
          .filter(Boolean)
          .join(' '),
        content: {
          'application/json': {
            schema: body.length === 1 ? body[0] : { anyOf: body },
            ...(contract.example ? { example: contract.example } : {}),
          },
        },
      }
    }
    paths[path] ??= {}
    paths[path][route.method.toLowerCase()] = operation
  }

  return {
    openapi: '3.1.0',
    info: { title: 'Funil Digital API', version: '1.0.0', description: DESCRIPTION },
    servers: [{ url: baseUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An opaque access token from POST /api/auth/login (not a JWT)',
        },
      },
      schemas: { Errors: ERRORS, Paginated: PAGINATED },
    },
    paths,
  }
}
