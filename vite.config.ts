import { reactRouter } from "@react-router/dev/vite";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The SSR build bundles our own HTTP entry (server/index.ts) together with the React Router
// server build, drizzle and the domains, so production starts one file with one copy of each.
// "~/…" is the repository root (tsconfig.json's paths): imports that leave their folder use it.
const rootAlias = [{ find: /^~\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }];

export default defineConfig(({ isSsrBuild }) => ({
  resolve: { alias: rootAlias },
  build: {
    target: "es2022",
    rollupOptions: isSsrBuild ? { input: "./server/index.ts" } : undefined,
  },
  ssr: {
    noExternal: ["drizzle-orm"],
  },
  plugins: [reactRouter()],
}));
