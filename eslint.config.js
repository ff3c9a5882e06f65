import { configApp } from '@adonisjs/eslint-config'

export default configApp({
  /**
   * Tests and Ace commands read responses as `(await request()).status`: fine there, and
   * clearer than a temporary variable per assertion.
   */
  files: ['tests/**/*.ts', 'commands/**/*.ts'],
  rules: { '@unicorn/no-await-expression-member': 'off' },
})
