import type { Route } from "./+types/my-data";
import { requireViewer } from "~/app/session.server";
import { exportAdvocacyData } from "~/domains/advocacy/person-data.server";
import { exportMemberData } from "~/domains/membership/member-data.server";

// "Download my data": everything AMG holds about the signed-in person, as JSON.
export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  const [membership, advocacy] = await Promise.all([exportMemberData(args.context.services.db, viewer), exportAdvocacyData(args.context.services.db, viewer.email)]);
  const body = {
    exportedAt: args.context.services.clock().toISOString(),
    account: { email: viewer.email, name: viewer.name, roles: viewer.roles },
    ...membership,
    ...advocacy,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="amg-my-data.json"`,
      "Cache-Control": "no-store",
    },
  });
}
