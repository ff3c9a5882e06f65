import { configApp } from '@adonisjs/eslint-config'

export default configApp(
  {
    /**
     * Tests and Ace commands read responses as `(await request()).status`: fine there, and
     * clearer than a temporary variable per assertion.
     */
    files: ['tests/**/*.ts', 'commands/**/*.ts'],
    rules: { '@unicorn/no-await-expression-member': 'off' },
  },
  {
    /**
     * The block editor's page contract is plain types and constants shared with the server
     * (validator, renderer): the one back-end module the admin bundle may import values from.
     */
    files: ['inertia/**/*.{ts,tsx}'],
    rules: {
      '@adonisjs/no-backend-import-in-frontend': ['error', { allowed: ['#types/step_page'] }],
    },
  }
)
