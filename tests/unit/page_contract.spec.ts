import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { test } from '@japa/runner'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')
const TRANSFORMER = join(ROOT, 'app/transformers/funnel_transformer.ts')

/**
 * The page contract (`npm run typecheck`, tsconfig.typecheck.json) holds: pages are typed from
 * the types `node ace codegen` generates from the transformers (`.adonisjs/client/data.d.ts`,
 * `Data.Funnel` is `InferData<FunnelTransformer>`), and the server's `inertia.render()` is
 * compiled against the props the pages declare (`.adonisjs/server/pages.d.ts`). A copy of
 * FunnelTransformer with one field renamed, or with a string where the list page formats a
 * number, is swapped in for the real one (a `paths` entry) and must fail tsc in the page that
 * reads the field; the real tree must pass, with a probe proving the generated types and the
 * render contract are not `any` (were they `any`, the broken copies would compile too). The
 * program is the funnels controller plus every page and the files that extend the framework's
 * types, not the whole app.
 */
const NOT_ANY_PROBE = `
import type { Data } from '@generated/data'
import type { InertiaPages } from '@adonisjs/inertia/types'

type IsAny<T> = 0 extends 1 & T ? true : false
type Row = InertiaPages['funnels/index']['funnels']['data'][number]
export const probe: [false, false, false, false, false] = [
  false as IsAny<Data.Funnel>,
  false as IsAny<Data.Funnel['stepsCount']>,
  false as IsAny<Data.Funnel.Variants['detail']['steps'][number]>,
  false as IsAny<InertiaPages['funnels/index']>,
  false as IsAny<Row['stepsCount']>,
]
export const stepsCount: [number] extends [Row['stepsCount']] ? true : never = true
`

async function compile(overrideTransformer?: string) {
  const dir = await mkdtemp(join(ROOT, 'tmp/page-contract-'))
  try {
    const paths: Record<string, string[]> = {
      '~/*': ['./inertia/*'],
      '@lang/*': ['./resources/lang/*'],
      '@generated/*': ['./.adonisjs/client/*'],
    }
    if (overrideTransformer) {
      await writeFile(join(dir, 'funnel_transformer.ts'), overrideTransformer)
      paths['#transformers/funnel_transformer'] = [
        `./${relative(ROOT, join(dir, 'funnel_transformer.ts'))}`,
      ]
    }
    const config = {
      extends: join(ROOT, 'tsconfig.typecheck.json'),
      compilerOptions: { baseUrl: ROOT, paths, incremental: false },
      include: [],
      files: [
        '.adonisjs/client/manifest.d.ts',
        '.adonisjs/server/pages.d.ts',
        '.adonisjs/server/routes.d.ts',
        'app/types/http.ts',
        'app/middleware/inertia_middleware.ts',
        'app/middleware/initialize_bouncer_middleware.ts',
        'providers/queue_provider.ts',
        'app/controllers/admin/funnels_controller.ts',
        // the client side of the shared-props bridge (`usePage().props` typed from the middleware)
        'inertia/app.tsx',
      ].map((file) => join(ROOT, file)),
    }
    await writeFile(join(dir, 'not_any_probe.ts'), NOT_ANY_PROBE)
    config.files.push(join(dir, 'not_any_probe.ts'))
    const project = join(dir, 'tsconfig.json')
    await writeFile(project, JSON.stringify(config))
    try {
      await promisify(execFile)(process.execPath, [TSC, '-p', project, '--pretty', 'false'], {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
      })
      return { ok: true, output: '' }
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string }
      return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

test.group('Page contract (typecheck)', () => {
  test('the real transformers and pages agree, and their types are not any', async ({ assert }) => {
    const { ok, output } = await compile()
    assert.equal(output, '')
    assert.isTrue(ok)
  }).timeout(300_000)

  test('a renamed transformer field fails the check', async ({ assert }) => {
    const source = await readFile(TRANSFORMER, 'utf8')
    assert.include(source, 'stepsCount:')
    const { ok, output } = await compile(source.replace('stepsCount:', 'stepCount:'))
    assert.isFalse(ok)
    assert.match(
      output,
      /inertia\/pages\/funnels\/index\.tsx\(\d+,\d+\): error TS(2339|2551): Property 'stepsCount' does not exist/
    )
  }).timeout(300_000)

  test('a string where the page wants a number fails the check', async ({ assert }) => {
    const source = await readFile(TRANSFORMER, 'utf8')
    const broken = source.replace(/stepsCount: ([^\n]+),\n/, 'stepsCount: String($1),\n')
    assert.notEqual(broken, source)
    const { ok, output } = await compile(broken)
    assert.isFalse(ok)
    assert.match(
      output,
      /inertia\/pages\/funnels\/index\.tsx\(\d+,\d+\): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'/
    )
  }).timeout(300_000)
})
