import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from '@japa/runner'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** The variables start/env.ts validates. */
function schemaKeys() {
  return [...read('start/env.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]+): Env\.schema/gm)].map(
    (match) => match[1]
  )
}

/**
 * Every variable the application reads is validated once at boot (a bad number stops the boot
 * instead of becoming NaN) and documented for whoever deploys it.
 */
test.group('Environment variables', () => {
  test('app, config, workers, commands and start read the environment only through env.get', ({
    assert,
  }) => {
    const raw = ['app', 'config', 'workers', 'commands', 'start', 'providers']
      .flatMap(sources)
      .filter((file) => file !== join('start', 'env.ts'))
      .flatMap((file) =>
        read(file)
          .split('\n')
          .map((line, index) => ({ line, where: `${file}:${index + 1}` }))
          /** Passing the whole environment on to a child process is not reading a variable. */
          .filter(
            ({ line }) => /process\.env\b(?!,)/.test(line) && !/\.\.\.process\.env/.test(line)
          )
          .map(({ where, line }) => `${where}: ${line.trim()}`)
      )
    assert.deepEqual(raw, [])
  })

  test('every validated variable is in the README table and in .env.example', ({ assert }) => {
    const readme = read('README.md')
    const example = read('.env.example')
    const keys = schemaKeys()
    assert.isAbove(keys.length, 30)
    const undocumented = keys.filter((key) => {
      const inReadme = key.startsWith('WORKER_CONCURRENCY_')
        ? readme.includes('WORKER_CONCURRENCY_<QUEUE>') &&
          readme.includes(`\`${key.replace('WORKER_CONCURRENCY_', '')}\``)
        : readme.includes(`\`${key}\``)
      const inExample = key === 'NODE_ENV' || new RegExp(`^#? ?${key}=`, 'm').test(example)
      return !inReadme || !inExample
    })
    assert.deepEqual(undocumented, [])
  })
})
