import { defineConfig } from '@adonisjs/core/bodyparser'

/** Public beacons come as `text/plain` (sendBeacon); the raw body stays available for webhooks. */
const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    convertEmptyStringsToNull: true,
    /** Also the bound of a gateway postback, stored whole in the webhook inbox. */
    limit: '1mb',
    types: ['application/json', 'application/json-patch+json', 'application/vnd.api+json'],
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '10mb',
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
