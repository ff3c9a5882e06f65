/**
 * What `npm start` prints: coloured steps ("▶ label" then "✓ message (time)"), hints and the one
 * kind of error a person can act on (StartError: one line, no stack trace).
 */

export const colorful =
  Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb'

const paint =
  (code: string) =>
  (text: string | number): string =>
    colorful ? `\x1b[${code}m${text}\x1b[0m` : String(text)

export const bold = paint('1')
export const dim = paint('2')
export const red = paint('31')
export const green = paint('32')
export const yellow = paint('33')
export const cyan = paint('36')
export const magenta = paint('35')
export const blue = paint('34')

export type Paint = typeof bold

/** Terminal colour codes start with ESC (built from its code: a literal one is hard to review). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g')
export const stripAnsi = (text: string) => text.replace(ANSI, '')

/** "1,5 s": the Brazilian decimal comma, as the rest of the output. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`

/** Prints "▶ label" and returns a function that prints "✓ message (time)". */
export function step(label: string) {
  console.log(`${cyan('▶')} ${label}`)
  const t0 = performance.now()
  return (message = 'pronto') =>
    console.log(`  ${green('✓')} ${message} ${dim(`(${seconds(performance.now() - t0)})`)}`)
}

export const info = (message: string) => console.log(`  ${dim(message)}`)
export const warn = (message: string) => console.log(`  ${yellow('!')} ${message}`)

/** A failure the user can act on: printed as one line, without a stack trace. */
export class StartError extends Error {
  constructor(
    message: string,
    public details = ''
  ) {
    super(message)
  }
}

/** Hides the password of a connection URL before it is printed. */
export function redactUrl(url: string) {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}
