import { defineConfig } from '@adonisjs/cors'

/** The JSON API may be called from an agency's own front ends; credentials stay same-origin. */
const corsConfig = defineConfig({
  enabled: true,
  origin: true,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
  headers: true,
  exposeHeaders: [],
  credentials: true,
  maxAge: 90,
})

export default corsConfig
