/**
 * JavaScript entry point for Ace commands: registers the TypeScript loader
 * (@poppinss/ts-exec) and hands over to bin/console.ts.
 * The build process replaces this file, so keep it minimal.
 */
import '@poppinss/ts-exec'

await import('./bin/console.js')
