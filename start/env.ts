/**
 * Environment variables, validated once at boot. Everything has a development default except
 * APP_KEY, so a fresh clone needs only `.env` (created by `npm start`) or `.env.test` (committed).
 */
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  /** Base domain of the admin; public funnels live on `{workspace.slug}.{APP_DOMAIN}`. */
  APP_DOMAIN: Env.schema.string.optional(),
  /**
   * Domain of the public funnels, `{workspace.slug}.{PUBLIC_DOMAIN}`; defaults to APP_DOMAIN.
   * In production it is a different registrable domain (as github.io is to github.com), so a
   * funnel page is cross-site to the admin.
   */
  PUBLIC_DOMAIN: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.string.optional(),
  /** `redis` (default). `cookie` is accepted from older .env files and means `redis`. */
  SESSION_DRIVER: Env.schema.enum.optional(['redis', 'memory', 'cookie'] as const),

  /** Either a full connection string or the DB_* parts. `npm start` sets it for embedded PostgreSQL. */
  DATABASE_URL: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),

  REDIS_URL: Env.schema.string.optional(),
  /** Prefix for BullMQ keys, so a test run never shares queues with a development worker. */
  QUEUE_PREFIX: Env.schema.string.optional(),
  LIMITER_STORE: Env.schema.enum.optional(['redis', 'memory'] as const),
  /** Proxies whose X-Forwarded-* headers are believed (CIDRs, comma-separated); none by default. */
  TRUSTED_PROXIES: Env.schema.string.optional(),
  /** Bearer token that unlocks /health/ready's details (pid, versions, memory, queues). */
  HEALTH_TOKEN: Env.schema.string.optional(),
  /**
   * Shared secret of Caddy's on-demand TLS `ask` (`/_caddy/ask?token=…`), needed when Caddy is
   * not on this machine's loopback (docker compose). Unset: only direct loopback callers.
   */
  CADDY_ASK_TOKEN: Env.schema.string.optional(),

  /**
   * Outgoing mail (SMTP). `npm start` points these at its local catcher unless SMTP_HOST is set;
   * in production set them to the provider's SMTP relay.
   */
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.secret.optional(),
  /** `true` for implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: Env.schema.boolean.optional(),
  MAIL_FROM_ADDRESS: Env.schema.string.optional(),
  MAIL_FROM_NAME: Env.schema.string.optional(),
  /** Where the development SMTP catcher stores messages (read by the "Caixa de saída" page). */
  MAIL_OUTBOX_DIR: Env.schema.string.optional(),

  /** Allow integration URLs on private/loopback addresses (local stubs in tests only). */
  ALLOW_PRIVATE_INTEGRATION_URLS: Env.schema.boolean.optional(),

  /**
   * Timeouts and intervals (milliseconds). Each has a production default in the code that reads
   * it; tests and benchmarks shorten them. A value that is not a number stops the boot here
   * instead of becoming NaN where it is used.
   */
  /** A new PostgreSQL connection gives up after this (1000). */
  DB_CONNECT_TIMEOUT_MS: Env.schema.number.optional(),
  /** A query waits at most this for a pooled connection (5000). */
  DB_ACQUIRE_TIMEOUT_MS: Env.schema.number.optional(),
  /** Longest statement (30000 in the web process, none elsewhere; 0 = none). */
  DB_STATEMENT_TIMEOUT_MS: Env.schema.number.optional(),
  /** Longest Redis command on the queues' connection (600 in the web process, 5000 elsewhere). */
  REDIS_COMMAND_TIMEOUT_MS: Env.schema.number.optional(),
  /** Longest Redis command on the main connection (200 in the web process). */
  REDIS_MAIN_COMMAND_TIMEOUT_MS: Env.schema.number.optional(),
  /** Budget of each /health/ready check (1200). */
  HEALTH_CHECK_TIMEOUT_MS: Env.schema.number.optional(),
  /** How long a worker's claim on a postback delivery lasts (120000). */
  POSTBACK_LEASE_MS: Env.schema.number.optional(),
  /** How often overdue pending payments and forgotten inbox rows are swept (60000). */
  PAYMENTS_SWEEP_EVERY_MS: Env.schema.number.optional(),
  /** How often a worker re-asserts the repeatable jobs (60000). */
  SCHEDULES_REASSERT_EVERY_MS: Env.schema.number.optional(),
  /** Beacon events a killed worker left unacknowledged are claimed back after this (30000). */
  EVENT_FLUSH_CLAIM_IDLE_MS: Env.schema.number.optional(),
  /** BullMQ lock of an active job; a killed worker's jobs come back after it (30000). */
  WORKER_LOCK_DURATION_MS: Env.schema.number.optional(),
  /** How often BullMQ looks for stalled jobs (30000). */
  WORKER_STALLED_INTERVAL_MS: Env.schema.number.optional(),
  /** Jobs at once per queue in one worker process (postbacks 20, others 5). */
  WORKER_CONCURRENCY_PAYMENTS: Env.schema.number.optional(),
  WORKER_CONCURRENCY_WEBHOOKS: Env.schema.number.optional(),
  WORKER_CONCURRENCY_POSTBACKS: Env.schema.number.optional(),
  WORKER_CONCURRENCY_TRACKING: Env.schema.number.optional(),
  WORKER_CONCURRENCY_MAIL: Env.schema.number.optional(),
  WORKER_CONCURRENCY_EXPORTS: Env.schema.number.optional(),
  /** bench:attribution only: a file the benchmark's worker output is appended to. */
  BENCH_WORKER_LOG: Env.schema.string.optional(),
})
