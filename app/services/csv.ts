import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'

/**
 * CSV the way a Brazilian Excel opens it with a double click: `;` between fields (the comma is
 * the decimal separator there), a UTF-8 BOM (otherwise Excel reads the file as Windows-1252 and
 * "João" becomes "JoÃ£o"), CRLF line ends. Quoting of `;`, quotes and line breaks inside a
 * value is csv-stringify's job.
 */
export const CSV_OPTIONS = {
  delimiter: ';',
  bom: true,
  record_delimiter: 'windows',
} as const

/** `123456` → `1234,56` (no thousands dots: Excel pt-BR reads it as a number). */
export function csvMoney(cents: number | string | null | undefined): string {
  if (cents === null || cents === undefined || cents === '') return ''
  const value = Number(cents)
  if (!Number.isSafeInteger(value)) return ''
  const sign = value < 0 ? '-' : ''
  const absolute = Math.abs(value)
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`
}

/**
 * Free text typed by visitors (names, UTMs, referrers) could start with `=`, `+`, `-` or `@`,
 * which a spreadsheet runs as a formula (`=HYPERLINK(...)`, `=cmd|...`): such a value gets a
 * leading apostrophe, which Excel and LibreOffice show as text (OWASP "CSV injection").
 */
export function csvText(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/**
 * A date-time as `dd/MM/yyyy HH:mm:ss` in the workspace's time zone (what Excel pt-BR parses as
 * a date). One Intl formatter per export, not one luxon object per row: a million rows format
 * in about a second.
 */
export function csvDateFormatter(timeZone: string) {
  const format = new Intl.DateTimeFormat('pt-BR', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  return (value: Date | string | null | undefined) => {
    if (value === null || value === undefined || value === '') return ''
    const date = value instanceof Date ? value : new Date(value)
    if (Number.isNaN(date.getTime())) return ''
    return format.format(date).replace(',', '')
  }
}

/**
 * The CSV text of a header and rows that arrive in batches (an async iterable of row arrays):
 * a readable stream with backpressure, so the next batch is read from PostgreSQL only when the
 * consumer (an HTTP response, a file) has taken the previous one. Memory stays one batch wide.
 */
export function csvStream(header: string[], batches: AsyncIterable<unknown[][]>) {
  const stringifier = stringify({ ...CSV_OPTIONS })
  const source = Readable.from(
    (async function* () {
      yield header
      for await (const rows of batches) yield* rows
    })(),
    { objectMode: true, highWaterMark: 256 }
  )
  source.on('error', (error) => stringifier.destroy(error))
  return source.pipe(stringifier)
}
