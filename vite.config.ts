import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// The SSR build bundles our own HTTP entry (server/index.ts) together with the React Router
// server build, drizzle and the domains, so production starts one file with one copy of each.
export default defineConfig(({ isSsrBuild }) => ({
  build: {
    target: "es2022",
    rollupOptions: isSsrBuild ? { input: "./server/index.ts" } : undefined,
  },
  ssr: {
    noExternal: ["drizzle-orm"],
  },
  plugins: [reactRouter()],
}));
