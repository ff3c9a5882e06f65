import { test } from '@japa/runner'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { localeFromHeader, messagesProvider, t } from '#services/i18n'

/** Every file of a folder tree with one of the extensions (the code that calls t()). */
function sourceFiles(dir: string, extensions: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path, extensions)
    return extensions.some((ext) => entry.name.endsWith(ext)) ? [path] : []
  })
}

function dictionary(locale: string): Record<string, string> {
  return readdirSync(`resources/lang/${locale}`).reduce(
    (all, file) => ({
      ...all,
      ...JSON.parse(readFileSync(`resources/lang/${locale}/${file}`, 'utf8')),
    }),
    {}
  )
}

test.group('i18n', () => {
  test('translates with placeholders, pt-BR by default', ({ assert }) => {
    assert.equal(
      t('pt-BR', 'auth.too_many_attempts', { minutes: 15 }),
      'Muitas tentativas. Tente novamente em 15 minutos.'
    )
    assert.equal(t('en', 'nav.funnels'), 'Funnels')
    assert.equal(t('pt-BR', 'nav.funnels'), 'Funis')
  })

  test('an unknown key falls back to the key itself', ({ assert }) => {
    assert.equal(t('en', 'does.not.exist'), 'does.not.exist')
  })

  test('both dictionaries have exactly the same keys', ({ assert }) => {
    for (const file of readdirSync('resources/lang/pt-BR')) {
      const pt = JSON.parse(readFileSync(`resources/lang/pt-BR/${file}`, 'utf8'))
      const en = JSON.parse(readFileSync(`resources/lang/en/${file}`, 'utf8'))
      assert.sameMembers(Object.keys(pt), Object.keys(en), file)
    }
  })

  test('every literal key passed to t() exists in both dictionaries', ({ assert }) => {
    const pt = dictionary('pt-BR')
    const en = dictionary('en')
    /** t('key'), t(locale, 'key'), t(locale ?? 'pt-BR', 'key'), translate(…): literal keys only. */
    const call =
      /\b(?:t|translate)\(\s*(?:[\w.?]+(?:\s*\?\?\s*'[^']*')?\s*,\s*)?['"]([a-z][\w-]*(?:\.[\w-]+)+)['"]/g
    const missing: string[] = []
    let checked = 0
    for (const file of [
      ...sourceFiles('app', ['.ts']),
      ...sourceFiles('inertia', ['.ts', '.tsx']),
    ]) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(call)) {
        checked++
        if (!(key in pt) || !(key in en)) missing.push(`${file}: ${key}`)
      }
    }
    assert.isAbove(checked, 100, 'the scan found the t() calls')
    assert.deepEqual(missing, [], 'untranslated keys')
  })

  test('no raw {{ }} reaches a person: only VineJS messages use it, and t() fills it too', ({
    assert,
  }) => {
    for (const locale of ['pt-BR', 'en']) {
      const entries = Object.entries(dictionary(locale))
      /** Outside validation.* nothing interpolates {{ }}: t() and the client use {name}. */
      const raw = entries.filter(
        ([key, value]) => !key.startsWith('validation.') && value.includes('{{')
      )
      assert.deepEqual(raw, [], `${locale}: {{ }} outside validation.*`)
      /** Malformed placeholders ({{field}} is fine, "{{ field }" or "{ {" is not). */
      const malformed = entries.filter(([, value]) => {
        const left = value.replace(/\{\{\s*\w+\s*\}\}|\{\w+\}/g, '')
        return left.includes('{') || left.includes('}')
      })
      assert.deepEqual(malformed, [], `${locale}: malformed placeholders`)
    }
    /** validation.* entries are also rendered by t() (API shape errors, database errors). */
    const unique = t('pt-BR', 'validation.database.unique', { field: 'subdomínio' })
    assert.equal(unique, 'Este subdomínio já está em uso')
    assert.equal(
      t('pt-BR', 'validation.array.minLength', { min: 1, field: 'etapas' }),
      'Escolha pelo menos 1 item em etapas'
    )
  })

  test('picks the language from Accept-Language', ({ assert }) => {
    assert.equal(localeFromHeader('en-US,en;q=0.9'), 'en')
    assert.equal(localeFromHeader('pt-BR,pt;q=0.9,en;q=0.8'), 'pt-BR')
    assert.equal(localeFromHeader('fr-FR'), 'pt-BR')
    assert.equal(localeFromHeader(undefined), 'pt-BR')
  })

  test('VineJS messages come from the dictionary', ({ assert }) => {
    const provider = messagesProvider('pt-BR')
    const message = provider.getMessage('The {{ field }} field must be defined', 'required', {
      name: 'email',
      wildCardPath: 'email',
      isArrayMember: false,
      parent: {},
      data: {},
      meta: {},
      mutate: () => ({}),
      report: () => {},
      isDefined: false,
      isValid: true,
      getFieldPath: () => 'email',
      createError: () => ({}),
    } as any)
    assert.equal(message, 'O campo e-mail é obrigatório')
  })
})
