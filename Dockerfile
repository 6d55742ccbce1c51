# eolwatch for production: the path CI tests (npm ci, build, prune to production dependencies), then
# `node dist/main.js` as a non-root user. Configure with environment variables (see .env.example).
# Node 24, the active LTS line (Node 20, which eolwatch itself reports past its security support, is not).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000 EOLWATCH_STORE=/var/lib/eolwatch/eolwatch.json
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json manifest.yml LICENSE ./
# Everything the code reads at run time: the catalogue snapshot, our supplements, and the chart font
# (test/production-path.test.ts lays out a folder from these lines and runs a lookup, a chart and /healthz).
COPY data/products-full.json data/products-full.README.md data/supplements.json ./data/
COPY data/fonts ./data/fonts
RUN mkdir -p /var/lib/eolwatch && chown node:node /var/lib/eolwatch
USER node
VOLUME /var/lib/eolwatch
EXPOSE 3000
# /healthz answers in HTTP mode and, with PORT set (as here), in Socket Mode too.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
