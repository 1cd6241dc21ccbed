// The architecture's dependency rules (docs/decisions/0015-one-way-of-doing-each-thing.md),
// checked by `npm run lint:deps` in CI. A context publishes its use cases and queries
// (*.server.ts), its input schemas (*.schema.ts), its messages and its kinds of job; its pure
// rules and helpers are its own. The few pure modules another context may use are named below.
const contexts = "(accounts|advocacy|email|membership|site|publishing|mentorship|evidence)";
const published = [
  "[.]server[.]ts$",
  "[.]schema[.]ts$",
  "/messages[.]ts$",
  "/job-specs[.]ts$",
  "^domains/email/templates[.]ts$", // e-mail rendering, used by every context that mails
  "^domains/advocacy/legislators/states[.]ts$", // the US states and territories
  "^domains/advocacy/legislators/legislator-lookup[.]ts$", // the ZIP lookup's result type
  "^domains/membership/count-suppression[.]ts$", // the rule that no count under ten is published
  "^domains/membership/member-csv[.]ts$",
  "^domains/evidence/suppression[.]ts$", // small-count suppression: every published count goes through it // the member CSV columns (the data download writes them)
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-cycles", severity: "error", comment: "No module depends on itself through others.", from: {}, to: { circular: true } },
    {
      name: "components-are-presentational",
      severity: "error",
      comment: "app/components are React only: data comes from the route.",
      from: { path: "^app/components/" },
      to: { path: "^(db|domains)/" },
    },
    {
      name: "routes-call-use-cases",
      severity: "error",
      comment: "Routes parse, call a use case or query and answer; no SQL in routes.",
      from: { path: "^app/" },
      to: { path: ["^db/schema", "node_modules/drizzle-orm"] },
    },
    {
      name: "contexts-meet-through-what-they-publish",
      severity: "error",
      comment: "A context uses another only through its published use cases, queries, schemas, messages and job specs.",
      from: { path: `^domains/${contexts}/` },
      to: { path: `^domains/${contexts}/`, pathNot: [`^domains/$1/`, ...published] },
    },
    {
      name: "no-tests-in-production",
      severity: "error",
      comment: "Production code never imports test code or test helpers.",
      from: { path: "^(app|domains|db|platform|server|cli)/", pathNot: "[.]test[.]tsx?$" },
      to: { path: ["^tests/", "[.]test[.]tsx?$"] },
    },
    {
      name: "platform-knows-no-context",
      severity: "error",
      comment: "platform/ is shared by every context and depends on none.",
      from: { path: "^platform/", pathNot: "[.]test[.]tsx?$" },
      to: { path: "^domains/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^build/", "^node_modules/", "/[+]types/"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
