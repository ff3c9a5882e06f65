import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/vite'

const viteBackendConfig = defineConfig({
  buildDirectory: 'public/assets',
  /**
   * Tests always run on the Vite dev server, even when `npm start` left a production build in
   * public/assets: a stale build would otherwise be what the browser tests exercise.
   */
  manifestFile: app.inTest
    ? 'tmp/tests-use-the-dev-server.json'
    : 'public/assets/.vite/manifest.json',
  assetsUrl: '/assets',
  scriptAttributes: { defer: true },
})

export default viteBackendConfig
