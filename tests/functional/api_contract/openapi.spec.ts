import { test } from '@japa/runner'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { apiRoutes } from '#services/openapi'
import { API_CONTRACT, shapeSpec } from '#services/api_contract'
import { adaptShape } from '#services/api_shape'
import { funnelWithSteps } from '../funnels/helpers.js'
import { route } from '#tests/helpers/routes'

/** Checks a response against the document's schema for its operation and status. */
function responseChecker(document: any) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  ajv.addSchema(document, 'doc')
  return (path: string, method: string, status: number, body: unknown) => {
    const operation = document.paths[path]?.[method]
    if (!operation) return [`no operation ${method} ${path}`]
    const entry = operation.responses[String(status)] ?? operation.responses.default
    const schema = entry?.content?.['application/json']?.schema
    if (!schema) return status === 204 || entry?.content?.['text/html'] ? [] : ['no schema']
    const pointer = `doc#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}/responses/${operation.responses[String(status)] ? status : 'default'}/content/application~1json/schema`
    const validate = ajv.getSchema(pointer)!
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
  }
}

test.group('API contract: the OpenAPI document', (group) => {
  freshDatabase(group)

  test('is a valid OpenAPI 3.1 document covering every /api route', async ({ client, assert }) => {
    const response = await client.get(route('api.openapi'))
    response.assertStatus(200)
    const document = response.body()
    assert.equal(document.openapi, '3.1.0')

    const result = await new Validator().validate(document)
    assert.isTrue(result.valid, JSON.stringify(result.errors)?.slice(0, 2000))

    const missing = apiRoutes()
      .filter((entry) => {
        const path = entry.pattern.replace(/:(\w+)/g, '{$1}')
        return !document.paths[path]?.[entry.method.toLowerCase()]
      })
      .map((entry) => `${entry.method} ${entry.pattern} (${entry.name || 'unnamed'})`)
    assert.deepEqual(missing, [], 'every /api route has a document entry')

    /** Every documented example is accepted by the route's adapter (no unknown field). */
    const refused = Object.entries(API_CONTRACT).flatMap(([name, contract]) => {
      const spec = shapeSpec(contract, 'body')
      if (!contract.example || !spec) return []
      return adaptShape(contract.example, spec, 'en').errors.map((e) => `${name}: ${e.field}`)
    })
    assert.deepEqual(refused, [])
    const withBody = Object.values(document.paths).flatMap((ops: any) =>
      Object.values(ops).filter((op: any) => op.requestBody)
    )
    const withoutExample = withBody.filter(
      (op: any) => !op.requestBody.content['application/json'].example
    )
    assert.deepEqual(
      withoutExample.map((op: any) => op.operationId),
      []
    )
  })

  test('read endpoints answer what the document says, in both query shapes', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const token = await apiToken(owner, workspace)
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'checkout'])
    const other = await createTenant()
    const foreign = await funnelWithSteps(other.workspace, ['capture'])
    const document = (await client.get(route('api.openapi'))).body()
    const check = responseChecker(document)

    /** [the documented path (the OpenAPI key, literal on purpose), the URL requested] */
    const calls: Array<[string, string]> = [
      ['/api/auth/me', route('api.auth.me')],
      ['/api/workspace', route('api.workspace.show')],
      ['/api/funnels', route('api.funnels.index', {}, { qs: { per_page: '5' } })],
      ['/api/funnels', route('api.funnels.index', {}, { qs: { perPage: '5' } })],
      ['/api/funnels/{id}', route('api.funnels.show', { id: funnel.id })],
      ['/api/funnels/{funnel_id}/steps', route('api.steps.index', { funnel_id: funnel.id })],
      ['/api/tracking/pixels', route('api.pixels.index', {}, { qs: { funnel_id: funnel.id } })],
      ['/api/credentials', route('api.credentials.index', {}, { qs: { per_page: '10' } })],
      ['/api/visitors', route('api.visitors.index')],
      ['/api/analytics/dashboard', route('api.analytics.dashboard')],
      [
        '/api/analytics/dashboard',
        route('api.analytics.dashboard', {}, { qs: { funnel_id: funnel.id } }),
      ],
      [
        '/api/checkout/{funnelId}/{stepId}',
        route('api.checkout.show', { funnelId: funnel.id, stepId: steps[1].id }),
      ],
    ]
    const problems: string[] = []
    for (const [path, url] of calls) {
      const response = await client.get(url).bearerToken(token)
      if (response.status() >= 500) problems.push(`${url}: ${response.status()}`)
      const errors = check(path, 'get', response.status(), response.body())
      if (errors.length) problems.push(`${url} ${response.status()}: ${errors.join('; ')}`)
    }
    assert.deepEqual(problems, [])

    /** Error bodies match the document's Errors schema too. */
    const notFound = await client
      .get(route('api.funnels.show', { id: foreign.funnel.id }))
      .bearerToken(token)
    notFound.assertStatus(404)
    assert.deepEqual(check('/api/funnels/{id}', 'get', 404, notFound.body()), [])
  })

  test('the docs page and the Scalar bundle are served from this server', async ({
    client,
    assert,
  }) => {
    const page = await client.get(route('docs.api'))
    page.assertStatus(200)
    assert.include(page.text(), 'data-url="/api/openapi.json"')
    assert.include(page.text(), 'src="/docs/api/scalar.js"')
    assert.notInclude(page.text(), 'cdn.jsdelivr')
    const bundle = await client.get(route('docs.api.bundle'))
    bundle.assertStatus(200)
    assert.include(bundle.header('content-type'), 'javascript')
  })
})
