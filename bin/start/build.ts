import fs from 'node:fs'
import path from 'node:path'

/** What a Vite build of the interface depends on: newer than the build means "build again". */
export const INTERFACE_SOURCES = [
  'inertia',
  'vite.config.ts',
  'package-lock.json',
  'resources/lang',
]

/** The newest modification time under `target` (a file or a directory), 0 when missing. */
export function newestMtime(target: string): number {
  let stat: fs.Stats
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

/** Why the interface needs building, or null when the existing build is current. */
export function interfaceBuildReason(root: string, manifest: string) {
  if (!fs.existsSync(manifest)) return 'primeira compilação'
  const built = fs.statSync(manifest).mtimeMs
  return INTERFACE_SOURCES.some((source) => newestMtime(path.join(root, source)) > built)
    ? 'fontes mais novas que a compilação'
    : null
}

/** The command that builds the interface: the installed Vite, else npx. */
export function viteBuildCommand(root: string): [string, string[]] {
  const viteBin = path.join(root, 'node_modules/vite/bin/vite.js')
  return fs.existsSync(viteBin)
    ? [process.execPath, [viteBin, 'build']]
    : ['npx', ['vite', 'build']]
}
