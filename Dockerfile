# syntax=docker/dockerfile:1
#
# image-ref-updater as a containerized KRM function: a ResourceList on stdin, the updated
# ResourceList on stdout.
#
#   docker build -t localhost/image-ref-updater .
#   docker run -i --rm --network none localhost/image-ref-updater < resource-list.yaml > updated.yaml
#   kpt fn eval DIR --image localhost/image-ref-updater --image-pull-policy ifNotPresent --fn-config fn-config.yaml
#
# test/ship/container.test.ts builds it with a real engine (DOCKER_BUILDKIT=0 docker build
# --network host in CI, where no registry is reachable and containers have no bridge network).

# Build: every dependency, then `npm run build` into dist/ (the build script may read schemas/ and
# scripts/, so they come along).
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schemas ./schemas
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# Production dependencies only, in a stage of their own so no build tool reaches the runtime image.
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# Runtime: distroless Node 20 (no shell, no package manager), non-root.
FROM gcr.io/distroless/nodejs20-debian12:nonroot AS runtime
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="image-ref-updater" \
      org.opencontainers.image.description="KRM function that updates container image references marked with # kobold: comments, losslessly; a TypeScript port of kobold's image-ref-updater" \
      org.opencontainers.image.source="https://github.com/kobold-image-ref-updater/image-ref-updater" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}"
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY schemas ./schemas
COPY package.json ./
USER 65532:65532
ENTRYPOINT ["/nodejs/bin/node", "/app/dist/cli.js"]
