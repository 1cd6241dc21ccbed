import { pageTitle } from "~/app/page-title";
import { Link } from "react-router";
import type { Route } from "./+types/open-letters";
import { formatCount, formatDay } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { TableScroll } from "~/app/components/table-scroll";
import { listOpenLettersForStaff } from "~/domains/advocacy/open-letters/open-letter-signatures.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Open letters", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  return { letters: await listOpenLettersForStaff(args.context.services.db) };
}

export default function OpenLetters({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Open letters</h1>
      <p className="hint">Signatures count once the signer confirms by e-mail. Open a letter to search its signatures, export them, print its packet and record its delivery.</p>
      <TableScroll label="Open letters">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Letter</th>
              <th scope="col">To</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Waiting for confirmation</th>
              <th scope="col">Delivered</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.letters.map((l) => (
              <tr key={l.slug}>
                <td>
                  <Link to={`/admin/open-letters/${l.slug}`}>{l.title}</Link>
                  {l.isPublished ? null : <span className="hint"> (not published)</span>}
                </td>
                <td>{l.addressee}</td>
                <td>{formatCount(l.confirmed)}</td>
                <td>{formatCount(l.waiting)}</td>
                <td>{l.delivery ? `to ${l.delivery.recipient} on ${formatDay(l.delivery.deliveredOn)}` : "not yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
