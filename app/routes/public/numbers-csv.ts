import type { Route } from "./+types/numbers-csv";
import { type PublicCsvTable, publicCsvRows, publicCsvTables } from "~/domains/evidence/public-numbers.server";
import { toCsv } from "~/platform/csv";

// The public tables of /numbers as CSV files: /numbers/<table>.csv, the same figures the page shows.
export async function loader({ request, context }: Route.LoaderArgs) {
  const name = new URL(request.url).pathname.replace(/^\/numbers\//, "").replace(/\.csv$/, "");
  if (!(publicCsvTables as readonly string[]).includes(name)) throw new Response("Not found", { status: 404 });
  const rows = await publicCsvRows(context.services.db, context.services.clock(), name as PublicCsvTable);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="amg-${name}.csv"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
