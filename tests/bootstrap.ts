import { assert } from '@japa/assert'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { apiClient } from '@japa/api-client'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { browserClient } from '@japa/browser-client'
import { chromium } from 'playwright'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { prepareTestServices, TestServiceError } from '#tests/helpers/test_services'

/**
 * Real PostgreSQL and Redis: migrations run once before the suites, each test group truncates
 * the tables it needs (see tests/helpers/database.ts). Browser tests drive Debian's Chromium
 * through playwright (no browser download).
 */
export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({
    runInSuites: ['browser'],
    /** The dev server compiles a page on its first visit: give it time on a 2-core machine. */
    assertions: { timeout: 15_000 },
    contextOptions: { viewport: { width: 1280, height: 800 }, locale: 'pt-BR' },
    launcher: (options) =>
      chromium.launch({
        ...options,
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      }),
  }),
  sessionBrowserClient(app),
  authBrowserClient(app),
]

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      /**
       * Creates the test database when missing and fails in seconds, saying which service is
       * away, instead of hanging on a missing database or an unreachable PostgreSQL/Redis.
       */
      try {
        const { default: env } = await import('#start/env')
        const { created, database } = await prepareTestServices({
          databaseUrl: env.get('DATABASE_URL'),
          db: {
            host: env.get('DB_HOST'),
            port: env.get('DB_PORT'),
            user: env.get('DB_USER'),
            password: env.get('DB_PASSWORD'),
            database: env.get('DB_DATABASE'),
          },
          redisUrl: env.get('REDIS_URL', 'redis://127.0.0.1:6379'),
        })
        if (created) console.log(`Created the test database "${database}".`)
      } catch (error) {
        if (!(error instanceof TestServiceError)) throw error
        console.error(`\n${error.message}\n`)
        process.exit(1)
      }
      await testUtils.db().migrate()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
