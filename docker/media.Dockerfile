# Tongke media node: the /live gateway and its mediasoup workers.
# The worker is built from the npm package's C++ source against Debian's libraries, with
# libsrtp2 rebuilt on OpenSSL, by the same setup steps as on a developer machine.
# Build from the repo root: docker build -f docker/media.Dockerfile -t tongke-media .
FROM node:20-bookworm AS build
ENV TONGKE_CACHE_DIR=/cache
WORKDIR /app
COPY . .
RUN node scripts/setup.mjs --only=apt,npm,libsrtp,worker \
 && npx nest build media \
 && cp /cache/mediasoup-worker-*/mediasoup-worker /mediasoup-worker \
 && MEDIASOUP_WORKER_BIN=/mediasoup-worker npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      libssl3 libuv1 libusrsctp2 libabsl20220623 ffmpeg \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /storage && chown node:node /storage
# ffmpeg records lessons (PlainTransport RTP → Matroska segments) into STORAGE_ROOT.
ENV NODE_ENV=production MEDIA_PORT=3001 MEDIASOUP_WORKER_BIN=/usr/local/bin/mediasoup-worker STORAGE_ROOT=/storage
WORKDIR /app
COPY --from=build /mediasoup-worker /usr/local/bin/mediasoup-worker
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3001 40000-40100/udp 40000-40100/tcp
CMD ["node", "--enable-source-maps", "dist/apps/media/apps/media/src/main.js"]
