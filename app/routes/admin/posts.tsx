import { Link } from "react-router";
import { PublishingNav } from "~/app/components/publishing-nav";
import { TableScroll } from "~/app/components/table-scroll";
import { formatDateTime } from "~/app/format";
import { requireStaff } from "~/app/session.server";
import { listPostsForStaff } from "~/domains/publishing/queries.server";
import type { Route } from "./+types/posts";
import { pageTitle } from "~/app/page-title";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Posts and pages", "staff")];

export async function loader(args: Route.LoaderArgs) {
  await requireStaff(args);
  const kind = new URL(args.request.url).searchParams.get("kind") === "page" ? "page" : "post";
  return { kind, posts: await listPostsForStaff(args.context.services.db, kind) };
}

const statusLabel = { draft: "Draft", scheduled: "Scheduled", published: "Published" } as const;

export default function Posts({ loaderData }: Route.ComponentProps) {
  const { kind, posts } = loaderData;
  const noun = kind === "page" ? "page" : "post";
  return (
    <>
      <h1>{kind === "page" ? "Pages" : "Posts"}</h1>
      <PublishingNav />
      <p>
        <Link className="button" to={`/admin/posts/new${kind === "page" ? "?kind=page" : ""}`}>
          Write a new {noun}
        </Link>
      </p>
      {posts.length === 0 ? (
        <p>No {noun}s yet.</p>
      ) : (
        <TableScroll label={kind === "page" ? "Pages" : "Posts"}>
          <table className="data-table">
            <caption className="visually-hidden">{kind === "page" ? "Pages" : "Posts"}, last changed first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">State</th>
                <th scope="col">Publication</th>
                <th scope="col">Author</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {posts.map((p) => (
                <tr key={p.publicId}>
                  <td>
                    <Link to={`/admin/posts/${p.publicId}`}>{p.title}</Link>
                  </td>
                  <td>{statusLabel[p.status]}</td>
                  <td>{p.publishAt ? formatDateTime(p.publishAt) : "—"}</td>
                  <td>{p.authorName ?? "—"}</td>
                  <td>{formatDateTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
