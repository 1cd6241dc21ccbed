import type { Route } from "./+types/applications-import-template";
import { requireStaff } from "~/app/session.server";
import { memberCsvTemplate } from "~/domains/membership/member-csv";
import { toCsv } from "~/platform/csv";

// The import's template: the columns the import reads (the export's) and one example row.
export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  return new Response(toCsv(memberCsvTemplate), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="members-template.csv"`, "Cache-Control": "no-store" },
  });
}
