import { test } from '@japa/runner'
import { readdirSync, readFileSync } from 'node:fs'
import { localeFromHeader, messagesProvider, t } from '#services/i18n'

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
