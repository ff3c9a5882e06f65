/**
 * `npm start` (package.json runs it with `exec`, so signals sent to npm reach this process and
 * not a shell in between). Plain JavaScript on purpose, and only this: on an old Node it must
 * get far enough to say which Node it needs. The start-up itself is TypeScript, in bin/start/
 * (env, embedded PostgreSQL, Redis, build, supervisor), loaded through the same TypeScript
 * loader as `node ace` (@poppinss/ts-exec, a dependency installed by `npm ci`).
 */
const REQUIRED_NODE = 24
if (Number(process.versions.node.split('.')[0]) < REQUIRED_NODE) {
  console.error(
    `Funil Digital precisa do Node.js ${REQUIRED_NODE}+ (este é ${process.version}): ` +
      `npm install -g --prefix "$HOME/.node24" node@24 && export PATH="$HOME/.node24/bin:$PATH" (ou nvm install 24)`
  )
  process.exit(1)
}

try {
  await import('@poppinss/ts-exec')
} catch (error) {
  console.error(
    `Funil Digital: dependências ausentes (${error.code ?? error.message}). Rode \`npm ci\` e tente de novo.`
  )
  process.exit(1)
}
await import('./start/main.js')
