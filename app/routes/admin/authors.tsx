import { Link } from "react-router";
import { PublishingNav } from "~/app/components/publishing-nav";
import { TableScroll } from "~/app/components/table-scroll";
import { requireStaff } from "~/app/session.server";
import { searchPeople } from "~/domains/accounts/people.server";
import { listAuthors } from "~/domains/publishing/queries.server";
import type { Route } from "./+types/authors";
import { pageTitle } from "~/app/page-title";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Authors", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const { db } = args.context.services;
  const [staff, admins, authors] = await Promise.all([searchPeople(db, { role: "staff", limit: 500 }), searchPeople(db, { role: "admin", limit: 500 }), listAuthors(db)]);
  const people = [...new Map([...staff, ...admins].map((p) => [p.id, p])).values()].sort((a, b) => a.email.localeCompare(b.email));
  return {
    people: people.map((p) => {
      const author = authors.find((a) => a.personId === p.id);
      return { publicId: p.publicId, email: p.email, displayName: author?.displayName ?? null, slug: author?.slug ?? null };
    }),
  };
}

export default function Authors({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Authors</h1>
      <PublishingNav />
      <p className="hint">The byline readers see on a staff person's posts: a display name, a photo and a short bio.</p>
      <TableScroll label="Authors">
        <table className="data-table">
          <caption className="visually-hidden">Staff and their bylines</caption>
          <thead>
            <tr>
              <th scope="col">Staff person</th>
              <th scope="col">Byline</th>
              <th scope="col">Public page</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.people.map((p) => (
              <tr key={p.publicId}>
                <td>
                  <Link to={`/admin/authors/${p.publicId}`}>{p.email}</Link>
                </td>
                <td>{p.displayName ?? "Not set yet (posts show the organisation's name)"}</td>
                <td>{p.slug ? <a href={`/news/author/${p.slug}`}>/news/author/{p.slug}</a> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
