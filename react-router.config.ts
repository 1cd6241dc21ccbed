import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "app",
  ssr: true,
  // React Router 8's changes, decided one by one (docs/decisions/0014-first-run.md): each stays
  // off until we move to React Router 8, which needs Node 22.
  future: {
    v8_middleware: false, // loaders read our AppLoadContext (services, client IP); middleware would replace it
    v8_splitRouteModules: false, // few routes hydrate; nothing to gain from splitting them
    v8_viteEnvironmentApi: false, // the build bundles server/index.ts through the classic SSR build
    v8_passThroughRequests: false, // actions and loaders see the request as today
    v8_trailingSlashAwareDataRequests: false, // no client code builds .data URLs by hand
  },
} satisfies Config;
