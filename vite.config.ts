import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    adonisjs({ entryPoints: ['inertia/app.tsx'], reload: ['resources/views/**/*.edge'] }),
  ],

  /**
   * Pre-bundle every front-end dependency when the dev server starts (the server runs it in
   * development and in tests). Otherwise Vite discovers a lazily imported page's dependency on
   * first visit and reloads the page mid-test.
   */
  optimizeDeps: {
    entries: ['inertia/**/*.tsx'],
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      '@inertiajs/react',
      'lucide-react',
      'sonner',
      'class-variance-authority',
      'clsx',
      'tailwind-merge',
      '@radix-ui/react-slot',
      '@radix-ui/react-dialog',
      '@radix-ui/react-label',
      '@radix-ui/react-dropdown-menu',
    ],
  },

  /**
   * The dev server runs inside the Adonis process and sees every request, including public
   * funnel pages on workspace subdomains and custom domains: it must not refuse those hosts.
   */
  server: { allowedHosts: true },

  resolve: {
    alias: {
      '~/': `${import.meta.dirname}/inertia/`,
      '@lang/': `${import.meta.dirname}/resources/lang/`,
      '@generated': `${import.meta.dirname}/.adonisjs/client/`,
      /** The block editor shares the page contract (plain types and constants) with the server. */
      '#types/step_page': `${import.meta.dirname}/app/types/step_page.ts`,
    },
  },
})
