import http from 'node:http'
import { serverUrl } from '#tests/helpers/server'

export interface SiteResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * Plain HTTP to the test server with a workspace Host header, as a browser on
 * `acme.localhost` would send it (the API client manages cookies and headers itself).
 */
export function siteRequest(
  host: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
) {
  return new Promise<SiteResponse>((resolve, reject) => {
    const request = http.request(
      new URL(path, serverUrl()),
      { method: options.method ?? 'GET', headers: { host, ...options.headers } },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body })
        )
      }
    )
    request.on('error', reject)
    request.end(options.body)
  })
}
