import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Where code, tests, config and docs live (generated and vendored folders left out). */
const SCANNED = [
  'app',
  'bin',
  'commands',
  'config',
  'database',
  'docs',
  'inertia',
  'providers',
  'resources',
  'scripts',
  'start',
  'tests',
  'workers',
  'README.md',
  'package.json',
  'adonisrc.ts',
]
const EXTENSIONS = /\.(ts|tsx|js|mjs|cjs|json|md|edge|css|sh)$/
const SKIPPED_DIRS = new Set(['node_modules', 'build', '.adonisjs', 'public', 'tmp'])

function filesUnder(path: string): string[] {
  const absolute = join(ROOT, path)
  if (!existsSync(absolute)) return []
  if (!statSync(absolute).isDirectory()) return EXTENSIONS.test(path) ? [path] : []
  return readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      return SKIPPED_DIRS.has(entry.name) ? [] : filesUnder(join(path, entry.name))
    }
    return EXTENSIONS.test(entry.name) ? [join(path, entry.name)] : []
  })
}

/**
 * Built from pieces so this file does not match its own patterns: a folder of contracts outside
 * the repository, and an absolute path of the build machines.
 */
const OUTSIDE = new RegExp(['(?:^|[^A-Za-z0-9_])', 'contracts', '/'].join(''))
const MACHINE_PATH = new RegExp(['/', 'work', '/'].join(''))
/** A repository document cited by path, e.g. docs/integrations/skalepay.md. */
const DOC_PATH = /(?:^|[^A-Za-z0-9_./-])(docs\/[A-Za-z0-9_./-]+\.md)/g

/**
 * Comments and docs must point at documents every clone has (docs/integrations/…), never at a
 * path that only exists on the machine where the code was written.
 */
test.group('Document references', () => {
  const files = [...new Set(SCANNED.flatMap(filesUnder))]

  test('the scan sees the sources and the integration docs', ({ assert }) => {
    assert.isAbove(files.length, 100)
    assert.include(files, join('docs', 'integrations', 'skalepay.md'))
    assert.include(files, join('app', 'integrations', 'skalepay', 'client.ts'))
  })

  test('no file cites a contracts folder or a machine path outside the repository', ({
    assert,
  }) => {
    const offenders: string[] = []
    for (const file of files) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (OUTSIDE.test(line) || MACHINE_PATH.test(line)) {
            offenders.push(`${file}:${index + 1}: ${line.trim().slice(0, 120)}`)
          }
        })
    }
    assert.deepEqual(offenders, [], 'cite docs/integrations/<vendor>.md instead')
  })

  test('every docs/….md a file cites exists in the repository', ({ assert }) => {
    const missing: string[] = []
    let cited = 0
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      for (const match of text.matchAll(DOC_PATH)) {
        cited++
        const target = match[1].replace(/[.]+$/, '')
        if (!existsSync(join(ROOT, target))) missing.push(`${file} → ${target}`)
      }
    }
    assert.isAbove(cited, 10)
    assert.deepEqual(missing, [])
  })

  test('relative links between the integration docs resolve', ({ assert }) => {
    const missing: string[] = []
    for (const file of files.filter((name) => name.startsWith(join('docs', 'integrations')))) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      for (const match of text.matchAll(/\]\(([A-Za-z0-9_./-]+\.md)\)/g)) {
        const target = join(file, '..', match[1])
        if (!existsSync(join(ROOT, target))) missing.push(`${file} → ${relative('.', target)}`)
      }
    }
    assert.deepEqual(missing, [])
  })
})
