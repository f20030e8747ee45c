# Tongke API (REST, collab gateway, library processing) + the built web app, served on one port.
# Build from the repo root: docker build -f docker/api.Dockerfile -t tongke-api .
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# mediasoup's postinstall would fetch a worker binary; the API does not need one.
RUN MEDIASOUP_WORKER_BIN=/unused npm ci --no-audit --no-fund
COPY . .
RUN npx nest build api && npx vite build --config apps/web/vite.config.ts \
 && npm prune --omit=dev && MEDIASOUP_WORKER_BIN=/unused npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
# ffmpeg/ffprobe: the library's processing pipeline (compose, HLS, MP4, thumbnails) and upload checks.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /storage && chown node:node /storage
ENV NODE_ENV=production API_PORT=3000 WEB_DIST_DIR=/app/dist/apps/web STORAGE_ROOT=/storage
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/apps/api/apps/api/src/main.js"]
