import env from '#start/env'

/** Base URL of the HTTP server the functional and browser suites start. */
export function serverUrl(host = env.get('HOST', '127.0.0.1')) {
  return `http://${host}:${env.get('PORT', 3334)}`
}
