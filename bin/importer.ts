/** Application root, shared by every entry point in bin/. */
export const APP_ROOT = new URL('../', import.meta.url)

/** Imports relative paths from the application root and everything else as a package. */
export function importer(filePath: string) {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}
