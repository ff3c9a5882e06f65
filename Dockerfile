# syntax=docker/dockerfile:1
#
# Funil Digital production image: one image for the web process (`node bin/server.js`) and the
# workers (`node ace worker:run`); docker-compose.yml runs both, plus PostgreSQL and Redis.
#
#   docker build -t funil-digital .
#
# The configuration comes from the environment (see README: APP_KEY, DATABASE_URL, REDIS_URL,
# APP_URL, APP_DOMAIN, …); no .env file goes into the image.

ARG NODE_IMAGE=node:24-slim

# --- all dependencies, for the build ------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- production dependencies only ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- build: TypeScript to JavaScript and the Vite interface, into build/ -------------------------
FROM deps AS build
COPY . .
# `node ace build` runs the codegen indexers, `vite build` and tsc; it needs no environment.
RUN node ace build

# --- production image ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS production
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3333 \
    TZ=UTC
WORKDIR /app
COPY --from=production-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./
RUN mkdir -p tmp && chown node:node tmp
USER node
EXPOSE 3333
# The web process; the worker container runs `node ace worker:run` from the same image.
CMD ["node", "bin/server.js"]
