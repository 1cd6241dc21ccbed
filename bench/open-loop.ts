// An open-loop load: one request every 1000/rate ms, evenly spaced, whatever the answers (as people
// arriving from a campaign e-mail do), each on a kept-alive connection. Closed-loop tools with a rate
// cap send in bursts (one request per connection at the same instant), which measures the burst,
// not the rate. Returns the achieved rate and latency percentiles of the expected answers.
import http from "node:http";

export type OpenLoopRequest = { body: string; headers: Record<string, string> };

export async function openLoop(p: { url: string; path: string; rate: number; seconds: number; expectStatus: number; request: () => OpenLoopRequest }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(p.path, p.url);
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const { body, headers } = p.request();
      const started = performance.now();
      const req = http.request(
        target,
        { method: "POST", agent, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), origin: p.url, ...headers } },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - started);
            if (res.statusCode === p.expectStatus) ok++;
            else failed++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        failed++;
        resolve();
      });
      req.end(body);
    });
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < p.rate * p.seconds; i++) {
    const wait = start + (i * 1000) / p.rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(one());
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { perSecond: ok / elapsed, failed, p50: at(0.5), p975: at(0.975), p99: at(0.99) };
}
