import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The checkout `npm start` runs from (bin/start/ is two levels below it). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Where `npm start` keeps its state: the embedded PostgreSQL's data, Redis's AOF, the outbox and
 * the lock of the running instance. `tmp/` of the checkout unless START_TMP_DIR says otherwise
 * (the start-up test uses a directory of its own).
 */
export function startPaths(tmpDir = process.env.START_TMP_DIR || path.join(ROOT, 'tmp')) {
  return {
    root: ROOT,
    tmp: tmpDir,
    pgData: path.join(tmpDir, 'pg'),
    pgState: path.join(tmpDir, 'pg.json'),
    redisData: path.join(tmpDir, 'redis'),
    outbox: path.join(tmpDir, 'outbox'),
    lock: path.join(tmpDir, 'start.json'),
    viteManifest: path.join(ROOT, 'public/assets/.vite/manifest.json'),
  }
}

export type StartPaths = ReturnType<typeof startPaths>
