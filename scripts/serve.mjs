// Runs the built server (or, with --worker, the job workers) in production mode. React and other
// packages read NODE_ENV once, when first imported, so it is set before the server is loaded.
process.env.NODE_ENV ??= "production";
await import("../build/server/index.js");
