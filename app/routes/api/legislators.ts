import type { Route } from "./+types/legislators";
import type { CacheHandle } from "~/platform/page-cache-key";
import { findLegislatorsByZip } from "~/domains/advocacy/legislators/legislator-directory.server";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: ["zip"] };

// GET /api/legislators?zip=NNNNN → the state(s), candidate districts, whether the ZIP is split,
// and the members of Congress with their contact details. A bad ZIP answers 400 with the problem.
export async function loader({ request, context }: Route.LoaderArgs) {
  const zip = new URL(request.url).searchParams.get("zip") ?? "";
  const result = await findLegislatorsByZip(context.services.db, zip);
  if (!result.ok) {
    return Response.json({ error: { code: "VALIDATION", field: "zip", problem: result.problem, message: result.message } }, { status: 400 });
  }
  markPublic(context);
  const { ok: _ok, ...body } = result;
  return Response.json(body);
}
