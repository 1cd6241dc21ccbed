import type { Route } from "./+types/my-data-csv";
import { requireViewer } from "~/app/session.server";
import { exportMemberData } from "~/domains/membership/member-data.server";
import { personalDataCsvRows } from "~/domains/membership/member-csv";
import { toCsv } from "~/platform/csv";

// "Download my data" as CSV: the same content as my-data.json, one value per line.
export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  const membership = await exportMemberData(args.context.services.db, viewer);
  const rows = personalDataCsvRows({ account: { email: viewer.email, name: viewer.name, roles: viewer.roles, exportedAt: args.context.services.clock() }, ...membership });
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="amg-my-data.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
