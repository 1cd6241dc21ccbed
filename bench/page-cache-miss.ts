// What a page-cache miss of `/` costs on the request thread, before and after (issue 9), measured in
// the same run (`npm run bench:cache`). Prints a table:
//  - render: `/` rendered by the production build (a request with a session cookie skips the cache;
//    the median over BENCH_SAMPLES requests, default 40, after a warm-up);
//  - compression of that very HTML on a miss: gzip 9 + Brotli 11 (before) vs gzip 6 + Brotli 4 (now;
//    the best levels are made later, off the request thread, for pages visited again);
//  - cache busting: `/?utm_source=<n>` with a new n each time used to miss every time; now the
//    parameters a page does not read are left out of the key, so only the first one misses.
// Only 127.0.0.1 is contacted.
import { performance } from "node:perf_hooks";
import { startAppServer } from "~/tests/helpers/app-server";
import { bestLevels, compressPage, missLevels } from "~/platform/page-cache";
import type { CompressionLevels } from "~/platform/page-cache";

const samples = Math.max(5, Number(process.env.BENCH_SAMPLES ?? 40) || 40);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => x.toFixed(2);

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const app = await startAppServer();
try {
  // Render: the whole request of an uncached `/` (no compression: the page is sent as is).
  const renderOnce = () => timed(async () => Buffer.from(await (await fetch(`${app.url}/`, { headers: { cookie: "amg_session=bench" } })).arrayBuffer()));
  for (let i = 0; i < 5; i++) await renderOnce();
  const renders: number[] = [];
  let html = Buffer.alloc(0);
  for (let i = 0; i < samples; i++) {
    const r = await renderOnce();
    renders.push(r.ms);
    html = r.value;
  }
  const render = median(renders);

  const compression = (levels: CompressionLevels) => {
    for (let i = 0; i < 3; i++) compressPage(html, levels);
    const gz: number[] = [];
    const br: number[] = [];
    let sizes = { gzip: 0, br: 0 };
    for (let i = 0; i < samples; i++) {
      let t = performance.now();
      const g = compressPage(html, { gzip: levels.gzip, brotli: 0 }).gzip;
      gz.push(performance.now() - t);
      t = performance.now();
      const b = compressPage(html, { gzip: 0, brotli: levels.brotli }).br;
      br.push(performance.now() - t);
      sizes = { gzip: g.length, br: b.length };
    }
    return { gzip: median(gz), br: median(br), sizes };
  };
  // Each copy timed alone (the other made at level 0, not counted).
  const before = compression(bestLevels);
  const after = compression(missLevels);

  // Cache busting: a fresh utm_source each time.
  const busting: number[] = [];
  const states = new Map<string, number>();
  await fetch(`${app.url}/`);
  for (let i = 0; i < samples; i++) {
    const r = await timed(async () => {
      const res = await fetch(`${app.url}/?utm_source=bench-${Date.now()}-${i}`, { headers: { "accept-encoding": "br" } });
      await res.arrayBuffer();
      return res.headers.get("x-page-cache") ?? "none";
    });
    busting.push(r.ms);
    states.set(r.value, (states.get(r.value) ?? 0) + 1);
  }

  console.log(`\n## Page-cache miss of \`/\` (${html.length.toLocaleString("en-US")} bytes of HTML; medians of ${samples})\n`);
  console.log("| compression on a miss | render (ms) | gzip (ms) | Brotli (ms) | miss on the request thread (ms) | gzip bytes | Brotli bytes |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const [label, c, levels] of [
    ["before", before, bestLevels],
    ["now", after, missLevels],
  ] as const) {
    console.log(
      `| ${label}: gzip ${levels.gzip}, Brotli ${levels.brotli} | ${ms(render)} | ${ms(c.gzip)} | ${ms(c.br)} | ${ms(render + c.gzip + c.br)} | ${c.sizes.gzip.toLocaleString("en-US")} | ${c.sizes.br.toLocaleString("en-US")} |`,
    );
  }
  console.log(
    `\nCompression on a miss: ${ms(before.gzip + before.br)} ms → ${ms(after.gzip + after.br)} ms (${((before.gzip + before.br) / (after.gzip + after.br)).toFixed(1)}× less); the best levels are made off the request thread once a page is visited again.`,
  );
  console.log(
    `\n\`/?utm_source=<new each time>\`, ${samples} requests: ${[...states].map(([k, n]) => `${n} ${k}`).join(", ")}; median ${ms(median(busting))} ms each (before the fix every one was a miss: about ${ms(render + before.gzip + before.br)} ms).\n`,
  );
} finally {
  await app.stop();
}
