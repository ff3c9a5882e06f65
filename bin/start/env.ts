import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import util from 'node:util'
import { cyan } from './console.js'

/**
 * `.env` for `npm start`: created from `.env.example` with a fresh APP_KEY when missing (or an
 * empty APP_KEY filled in), then read. The process environment wins over the file.
 */

export const newAppKey = () => crypto.randomBytes(32).toString('base64url')

/** Creates `.env` (from `.env.example`, with a new APP_KEY), or fills an empty APP_KEY in it. */
export function ensureDotEnv(root: string): Record<string, string> {
  const envFile = path.join(root, '.env')
  const exampleFile = path.join(root, '.env.example')
  if (!fs.existsSync(envFile)) {
    const example = fs.existsSync(exampleFile) ? fs.readFileSync(exampleFile, 'utf8') : ''
    const key = `APP_KEY=${newAppKey()}`
    const content = /^APP_KEY=.*$/m.test(example)
      ? example.replace(/^APP_KEY=.*$/m, key)
      : `${example}${example && !example.endsWith('\n') ? '\n' : ''}${key}\n`
    fs.writeFileSync(envFile, content, { mode: 0o600 })
    console.log(`${cyan('▶')} .env criado a partir de .env.example, com um APP_KEY novo`)
  } else {
    const content = fs.readFileSync(envFile, 'utf8')
    if (/^APP_KEY=\s*$/m.test(content)) {
      fs.writeFileSync(envFile, content.replace(/^APP_KEY=\s*$/m, `APP_KEY=${newAppKey()}`))
      console.log(`${cyan('▶')} APP_KEY vazio em .env: gerado um novo`)
    }
  }
  return util.parseEnv(fs.readFileSync(envFile, 'utf8')) as Record<string, string>
}

/** A setting: the process environment first, then `.env`, then the fallback. */
export function settings(fileEnv: Record<string, string>, processEnv = process.env) {
  return (key: string, fallback = '') => processEnv[key] || fileEnv[key] || fallback
}

/**
 * APP_URL as given, except that a local one follows PORT (`PORT=4000 npm start` with the
 * `.env.example` APP_URL of port 3333 must still print, and link to, the right address).
 */
export function localAppUrl(appUrl: string, port: number) {
  if (!appUrl) return `http://localhost:${port}`
  try {
    const url = new URL(appUrl)
    if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return appUrl
    url.port = String(port)
    return url.toString().replace(/\/$/, '')
  } catch {
    return appUrl
  }
}

/**
 * The demo funnel's public address from demo:seed's "Funil demo: <workspace> /<funnel> → <url>"
 * line: the address after the arrow comes from app/services/public_url.ts, the one place public
 * links are built; without it (an older demo:seed), built here from the workspace and funnel.
 */
export function demoFunnelUrl(
  seedOutput: string[],
  { appUrl, port, publicDomain }: { appUrl: string; port: number; publicDomain: string }
) {
  const printed = seedOutput.map((line) => line.match(/funil demo:.*→\s*(\S+)/i)).find(Boolean)
  if (printed) return printed[1]
  const match = seedOutput.map((line) => line.match(/funil demo:\s*(\S+)\s+(\/\S+)/i)).find(Boolean)
  if (!match) return null
  const { protocol } = new URL(appUrl)
  return `${protocol}//${match[1]}.${publicDomain}:${port}${match[2]}`
}
