import type { Route } from "./+types/healthz";
import { pingDatabase } from "~/db/client.server";

// Liveness and database reachability, for load balancers and the start-up benchmark.
export async function loader({ context }: Route.LoaderArgs) {
  await pingDatabase(context.services.db);
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
