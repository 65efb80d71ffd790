# SnailMarketplace server image: one build, two run modes.
#   MEDUSA_WORKER_MODE=server  HTTP API + admin dashboard
#   MEDUSA_WORKER_MODE=worker  subscribers, scheduled jobs, workflow steps (no public HTTP)
# docker-compose.yml runs both from this image, plus a one-shot `medusa db:migrate`.
#
# Build needs about 2 GB of memory (the admin bundle is built by `medusa build`).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# deps: install the whole workspace from the lockfile. Only manifests are
# copied, so this layer is reused until a package.json or the lockfile changes.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# The lockfile is written by npm 11 and package.json's `allowScripts` is read by
# npm 11; the image ships npm 10, so use the same major as development.
ARG NPM_VERSION=11.19.1
ENV MEDUSA_DISABLE_TELEMETRY=true \
    NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
RUN npm install -g npm@${NPM_VERSION}
COPY package.json package-lock.json ./
COPY admin-extensions/package.json admin-extensions/package.json
COPY storefront/package.json storefront/package.json
RUN --mount=type=cache,target=/root/.npm npm ci

# ---------------------------------------------------------------------------
# build: the admin-extensions plugin first, then `medusa build` (server + admin).
# NODE_ENV is deliberately left unset here: medusa-config refuses development
# secrets when NODE_ENV=production, and no secret belongs in an image layer.
FROM deps AS build
COPY . .
RUN npm run build \
 && test -f .medusa/server/medusa-config.js \
 && test -d admin-extensions/.medusa/server

# ---------------------------------------------------------------------------
# runtime: the built app in /app/.medusa/server. Its node_modules is a link to
# the workspace's node_modules, through which @snail/admin-extensions resolves
# to /app/admin-extensions (package.json + .medusa/), as the plugin loader needs
# (MEDUSA-NOTES, "Admin extensions").
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    MEDUSA_DISABLE_TELEMETRY=true \
    PORT=9000 \
    PATH=/app/node_modules/.bin:$PATH
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/admin-extensions/package.json ./admin-extensions/package.json
COPY --from=build /app/admin-extensions/.medusa ./admin-extensions/.medusa
COPY --from=build --chown=node:node /app/.medusa/server ./.medusa/server
# `static/` is where the local file provider stores uploads; compose mounts a
# volume there, which inherits this ownership when first created.
RUN ln -s /app/node_modules /app/.medusa/server/node_modules \
 && mkdir -p /app/.medusa/server/static \
 && chown node:node /app/.medusa/server/static
USER node
WORKDIR /app/.medusa/server
EXPOSE 9000
# Compose defines the health checks (the one-shot migrate container has none);
# this one serves plain `docker run`. The worker answers /health on 9000 too.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||9000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["medusa", "start"]
