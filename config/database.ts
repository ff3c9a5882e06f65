import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import pg from 'pg'

/** bigint ids (events, deliveries) come back as numbers: they stay far below 2^53. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))

/**
 * DATABASE_URL wins when set (production, tests, the embedded PostgreSQL of `npm start`);
 * otherwise the DB_* parts with local defaults.
 */
const databaseUrl = env.get('DATABASE_URL')

/**
 * Failing fast when PostgreSQL is away or hung: a new connection gives up after a second
 * (DB_CONNECT_TIMEOUT_MS), a request waits at most 5 s for a free pooled one
 * (DB_ACQUIRE_TIMEOUT_MS; knex's default is 60 s), and in the web process a statement runs at
 * most 30 s (DB_STATEMENT_TIMEOUT_MS, 0 = none; workers, migrations and benchmarks have none).
 * Requests turn these errors into 503 + Retry-After (app/services/outage.ts).
 */
const statementTimeoutMs =
  env.get('DB_STATEMENT_TIMEOUT_MS') ?? (app.getEnvironment() === 'web' ? 30_000 : 0)
const timeouts = {
  connectionTimeoutMillis: env.get('DB_CONNECT_TIMEOUT_MS') || 1000,
  ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
}

const dbConfig = defineConfig({
  connection: 'postgres',
  connections: {
    postgres: {
      client: 'pg',
      connection: databaseUrl
        ? { connectionString: databaseUrl, ...timeouts }
        : {
            host: env.get('DB_HOST', '127.0.0.1'),
            port: env.get('DB_PORT', 5432),
            user: env.get('DB_USER', 'postgres'),
            password: env.get('DB_PASSWORD', ''),
            database: env.get('DB_DATABASE', 'funil'),
            ...timeouts,
          },
      pool: {
        min: 0,
        max: 10,
        acquireTimeoutMillis: env.get('DB_ACQUIRE_TIMEOUT_MS') || 5000,
      },
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      seeders: {
        paths: ['database/seeders'],
      },
    },
  },
})

export default dbConfig
