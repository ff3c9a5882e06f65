import http from 'node:http'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'

/**
 * Random requests to every public endpoint that takes a body, shared by the property-based
 * test (tests/functional/fuzz) and `node ace fuzz:public`: structured bodies with hostile
 * values (NUL, lone surrogates, ids beyond int4, objects where a number or a CPF is expected,
 * data nested 10,000 levels, 100 KB strings), random JSON, garbage, wrong content types and
 * content encodings, forwarded-for headers that are not IPs. What must hold: a 4xx or an
 * accepted input that is then stored — never a 5xx, never a hung request, never a stuck entry.
 */

/** Where the requests go: a workspace host and ids of its funnel. */
export interface FuzzTarget {
  host: string
  funnelSlug: string
  captureSlug: string
  captureStepId: number
  checkoutStepId: number
  upsellStepId: number
  funnelId: number
  webhookToken: string
  /** Public token of a paid order of the funnel: the upsell's one-click accept needs one. */
  upsellToken?: string
}

export type Endpoint = 'beacon' | 'capture' | 'checkout' | 'cpf' | 'upsell' | 'webhook'

export interface FuzzRequest {
  endpoint: Endpoint
  path: string
  headers: Record<string, string>
  body: Buffer
  /** Event ids of a structured beacon (to check they were stored when it was accepted). */
  eventIds: string[]
}

export interface FuzzResponse {
  status: number
  body: string
  ms: number
}

/** The values that broke the flush or answered 500 before (issue 21), and their cousins. */
const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  'Jo\u0000ao',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ud800\u0000\udfff',
  '%00',
  'Jo%00ao',
  '',
  ' ',
  '\u202e\u200b',
  '😀',
  '{"toString":1}',
  'unknown',
  '../../etc/passwd',
  "'; DROP TABLE visitors; --",
  '<script>alert(1)</script>',
]

const nastyString = fc.constantFrom(...NASTY_STRINGS)

/** Strings of any UTF-16 code units (lone surrogates included), short or very long. */
const anyString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(nastyString, fc.integer({ min: 300, max: 100_000 }))
      .map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length)))),
  }
)

const anyNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(2147483647, 2147483648, 1e15, -1, 0, 1.5, -0, 9007199254740993, 1e308),
  fc.double({ noNaN: true, noDefaultInfinity: true })
)

/** Any JSON value of a field: right or wrong type. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 2, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, { toString: 1 }, [], {}) },
  { weight: 1, arbitrary: fc.array(anyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(anyString, anyString, { maxKeys: 3 }) }
)

/** `{ a: { a: … } }` nested `depth` levels (built without recursion). */
export function nested(depth: number, leaf: unknown = 1) {
  let value: unknown = leaf
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

/**
 * A placeholder for data nested thousands of levels: JSON.stringify recurses and may overflow
 * the stack on it, so the JSON text is written out by `toJson` instead.
 */
const DEEP = '__fuzz_deep__'

/** JSON.stringify, writing each DEEP placeholder as `{"a":{"a":…"\u0000"…}}` of its depth. */
export function toJson(value: unknown) {
  return (JSON.stringify(value) ?? 'null').replace(
    new RegExp(`\\{"${DEEP}":(\\d+)\\}`, 'g'),
    (_, depth) => `${'{"a":'.repeat(Number(depth))}"\\u0000"${'}'.repeat(Number(depth))}`
  )
}

const data = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(anyString, anyValue, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom(6, 5, 100).map((depth) => nested(depth, '\u0000')),
      fc.constantFrom(10_000, 3_000).map((depth) => ({ [DEEP]: depth }))
    ),
  },
  { weight: 1, arbitrary: anyString.map((s) => ({ blob: s })) },
  { weight: 1, arbitrary: fc.constantFrom({ lead: { name: 'Jo\u0000ao' } }, { toString: 1 }) }
)

/** Values of a field that is sometimes right: the endpoint's real path runs too. */
function maybe<T>(good: fc.Arbitrary<T>) {
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: anyValue })
}

const EVENT_TYPES = ['page_view', 'heartbeat', 'form_submit', 'checkout_view', 'leave']

/** Text that is valid for the endpoint but carries what PostgreSQL refuses (to be cleaned). */
const hostileText = fc
  .tuple(fc.string({ maxLength: 10 }), nastyString, fc.string({ unit: 'binary', maxLength: 10 }))
  .map((parts) => parts.join(''))

/** An event the endpoint must accept, full of NUL and lone surrogates in its free text. */
function acceptableEvent(target: FuzzTarget) {
  return fc.record(
    {
      id: fc.uuid({ version: 4 }),
      type: fc.constantFrom(...EVENT_TYPES),
      funnelId: fc.constantFrom(target.funnelId, null),
      stepId: fc.constantFrom(target.captureStepId, null),
      url: hostileText.map((text) => `https://${target.host}/${target.funnelSlug}?q=${text}`),
      referrer: hostileText,
      data: fc.dictionary(hostileText, fc.oneof(hostileText, fc.integer(), fc.constant(null)), {
        maxKeys: 3,
      }),
    },
    { requiredKeys: ['id', 'type'] }
  )
}

function beaconEvent(target: FuzzTarget) {
  return fc.oneof(
    { weight: 2, arbitrary: acceptableEvent(target) },
    { weight: 1, arbitrary: hostileEvent(target) }
  )
}

function hostileEvent(target: FuzzTarget) {
  return fc.record(
    {
      id: maybe(fc.uuid({ version: 4 })),
      type: maybe(fc.constantFrom(...EVENT_TYPES)),
      funnelId: maybe(fc.constantFrom(target.funnelId, null, 2147483648)),
      stepId: maybe(fc.constantFrom(target.captureStepId, null, 1e15)),
      url: maybe(fc.constantFrom(`https://${target.host}/${target.funnelSlug}?utm_source=x`)),
      referrer: maybe(fc.constantFrom('https://www.google.com/', '')),
      data: data,
    },
    { requiredKeys: ['id', 'type'] }
  )
}

/** A Content-Encoding and whether the body is really encoded that way. */
const encoding = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'zzz', 'identity') },
  { weight: 1, arbitrary: fc.constant('gzip+real') }
)

const forwardedFor = fc.oneof(
  { weight: 6, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.ipV6() },
  { weight: 1, arbitrary: fc.constantFrom('unknown', '', 'a, b', '999.1.1.1', '::ffff:1.2.3.4') }
)

/** application/x-www-form-urlencoded, lone surrogates written as their (invalid) UTF-8 bytes. */
export function formEncode(fields: Record<string, unknown>) {
  const encode = (text: string) => {
    let out = ''
    for (const char of text) {
      try {
        out += encodeURIComponent(char)
      } catch {
        const code = char.charCodeAt(0)
        const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('')
      }
    }
    return out
  }
  return Object.entries(fields)
    .map(([key, value]) => {
      const text = typeof value === 'string' ? value : toJson(value)
      return `${encode(key)}=${encode(text)}`
    })
    .join('&')
}

const BODY_KINDS = ['json', 'text', 'form', 'random', 'garbage'] as const

/** One random request to one of the six endpoints. */
export function fuzzRequest(target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const fields: Record<Endpoint, fc.Arbitrary<Record<string, unknown>>> = {
    beacon: fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          events: fc.array(beaconEvent(target), { minLength: 1, maxLength: 3 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ events: anyValue }) },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 70_000, max: 200_000 }).map((n) => ({
          events: [
            { id: '8c1f5f4e-2b0a-4f6b-9d55-0c3a8b2f1e11', type: 'page_view', url: 'x'.repeat(n) },
          ],
        })),
      }
    ),
    capture: fc.oneof(
      /** A lead the form takes, with hostile text in the name (cleaned, then stored). */
      fc.record({
        name: hostileText.map((text) => `Maria ${text}`),
        email: fc.constant('maria@exemplo.com.br'),
        phone: fc.constant('(11) 91234-5678'),
        fd_event_id: fc.uuid({ version: 4 }),
      }),
      fc.record(
        {
          name: maybe(fc.constantFrom('Maria da Silva', 'Jo\u0000ao', 'Jo%00ao')),
          email: maybe(fc.constantFrom('maria@exemplo.com.br', 'm\ud800@x.com')),
          phone: maybe(fc.constantFrom('(11) 91234-5678')),
          fd_event_id: maybe(fc.uuid({ version: 4 })),
        },
        { requiredKeys: [] }
      )
    ),
    checkout: fc.oneof(
      /** A buyer the checkout takes (a sandbox PIX is made), hostile text in the name. */
      fc.record({
        name: hostileText.map((text) => `Maria ${text}`),
        email: fc.constant('maria@exemplo.com.br'),
        phone: fc.constant('(11) 91234-5678'),
        cpf: fc.constant('529.982.247-25'),
        bumps: fc.constantFrom([], [0]),
        tracking: fc.record({ landingUrl: hostileText, referrer: hostileText }),
      }),
      fc.record(
        {
          name: maybe(fc.constantFrom('Maria da Silva', 'Jo\u0000ao')),
          email: maybe(fc.constantFrom('maria@exemplo.com.br', 'm\ud800@exemplo.com')),
          phone: maybe(fc.constantFrom('(11) 91234-5678')),
          cpf: maybe(fc.constantFrom('529.982.247-25', '52998224725')),
          bumps: maybe(fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 3 })),
          tracking: maybe(fc.record({ landingUrl: anyString, referrer: anyString })),
        },
        { requiredKeys: [] }
      )
    ),
    cpf: fc.record({ cpf: maybe(fc.constantFrom('529.982.247-25', '111.111.111-11')) }),
    upsell: fc.record({
      payment: maybe(
        target.upsellToken
          ? fc.oneof(fc.constant(target.upsellToken), fc.stringMatching(/^[0-9a-f]{32}$/))
          : fc.stringMatching(/^[0-9a-f]{32}$/)
      ),
    }),
    webhook: fc.oneof(
      fc.record(
        {
          id: maybe(fc.constantFrom('sbx_123', 'tr_1', 'a\u0000b', '\ud800')),
          status: maybe(fc.constantFrom('paid', 'refused', 'waiting_payment')),
          externalRef: anyValue,
        },
        { requiredKeys: [] }
      ),
      fc.record({
        id: anyValue,
        type: fc.constant('transaction'),
        objectId: anyValue,
        data: fc.record({
          id: anyValue,
          status: maybe(fc.constant('paid')),
          externalRef: anyValue,
        }),
      })
    ),
  }

  return fc
    .record({
      endpoint: fc.constantFrom<Endpoint>(
        'beacon',
        'capture',
        'checkout',
        'cpf',
        'upsell',
        'webhook'
      ),
      kind: fc.constantFrom(...BODY_KINDS, 'json', 'text'),
      encoding,
      forwardedFor,
      json: fc.boolean(),
      stepId: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom('2147483648', '99999999999999999999', '0', '1') }
      ),
      random: fc.jsonValue({ maxDepth: 3 }),
      garbage: fc.uint8Array({ maxLength: 300 }),
      seed: fc.integer(),
    })
    .chain((shape) => fields[shape.endpoint].map((structured) => ({ ...shape, structured })))
    .map((shape) => {
      const { endpoint, kind } = shape
      const headers: Record<string, string> = {
        'host': target.host,
        'x-forwarded-for': shape.forwardedFor,
        'accept': shape.json ? 'application/json' : 'text/html',
        'user-agent': 'fuzz/1.0',
      }
      let text: string | Buffer
      if (kind === 'garbage') {
        text = Buffer.from(shape.garbage)
        headers['content-type'] = shape.json ? 'application/json' : 'text/plain'
      } else if (kind === 'random') {
        text = JSON.stringify(shape.random) ?? 'null'
        headers['content-type'] = 'application/json'
      } else if (kind === 'form') {
        text = formEncode(shape.structured)
        headers['content-type'] = 'application/x-www-form-urlencoded'
      } else {
        text = toJson(shape.structured)
        headers['content-type'] = kind === 'text' ? 'text/plain;charset=UTF-8' : 'application/json'
      }
      let body = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8')
      if (shape.encoding === 'gzip+real') {
        body = gzipSync(body)
        headers['content-encoding'] = 'gzip'
      } else if (shape.encoding) {
        headers['content-encoding'] = shape.encoding
      }

      const stepPath = (id: number) => shape.stepId ?? String(id)
      const paths: Record<Endpoint, string> = {
        beacon: '/_funil/e',
        capture: `/${target.funnelSlug}/${target.captureSlug}`,
        checkout: `/_funil/checkout/${stepPath(target.checkoutStepId)}`,
        cpf: '/_funil/cpf',
        upsell: `/_funil/upsell/${stepPath(target.upsellStepId)}/accept`,
        webhook: `/api/payments/webhook?token=${target.webhookToken}`,
      }
      if (endpoint === 'webhook') headers.host = '127.0.0.1'

      const events = (shape.structured as { events?: unknown }).events
      const eventIds =
        endpoint === 'beacon' && kind !== 'garbage' && kind !== 'random' && Array.isArray(events)
          ? events
              .filter((e: any) => e?.type !== 'heartbeat' && typeof e?.id === 'string')
              .map((e: any) => String(e.id).toLowerCase())
          : []
      return { endpoint, path: paths[endpoint], headers, body, eventIds }
    })
}

/** Sends one request; a request that does not finish in `timeoutMs` is a hang (status 0). */
export function send(
  baseUrl: string,
  request: FuzzRequest,
  timeoutMs = 10_000
): Promise<FuzzResponse> {
  const started = performance.now()
  return new Promise((resolve) => {
    const req = http.request(
      new URL(request.path, baseUrl),
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(request.body.length) },
        timeout: timeoutMs,
        /**
         * A connection per request: a reused keep-alive socket the server just closed (or
         * closed after answering a body it refused early) is the client's race, not a hang.
         */
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, 2000),
            ms: performance.now() - started,
          })
        )
        res.on('error', () =>
          resolve({ status: 0, body: 'response error', ms: performance.now() - started })
        )
      }
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (error) =>
      resolve({ status: 0, body: String(error), ms: performance.now() - started })
    )
    req.end(request.body)
  })
}

/** Whether the request was accepted (the endpoint took the input in). */
export function accepted(response: FuzzResponse) {
  return response.status >= 200 && response.status < 400
}
