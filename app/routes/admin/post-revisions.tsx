import { data, Form, Link, redirect } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { PublishingNav } from "~/app/components/publishing-nav";
import { TableScroll } from "~/app/components/table-scroll";
import { formFailureOf, problemOf, withAppErrors } from "~/app/form-data";
import { formatDateTime, positiveInt } from "~/app/format";
import { actorOf, requireStaff } from "~/app/session.server";
import { diffTexts } from "~/domains/publishing/diff-revision.server";
import { findPostForStaff, findRevision, listRevisions } from "~/domains/publishing/queries.server";
import { restoreRevision } from "~/domains/publishing/restore-revision.server";
import type { Route } from "./+types/post-revisions";
import { pageTitle } from "~/app/page-title";

export const meta: Route.MetaFunction = ({ data, matches }) => [pageTitle(matches, `Revisions: ${data?.post.title ?? ""}`, "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db } = args.context.services;
  const post = await findPostForStaff(db, args.params.publicId);
  if (!post) throw data({ message: "No such post." }, { status: 404 });
  const revisions = await listRevisions(db, post.id);
  const chosenId = positiveInt(new URL(args.request.url).searchParams.get("revision"));
  const chosen = chosenId ? await findRevision(db, post.id, chosenId) : null;
  const current = `# ${post.title}\n\n${post.excerpt}\n\n${post.bodyMarkdown}`;
  return {
    csrf: viewer.csrfToken,
    restored: new URL(args.request.url).searchParams.has("restored"),
    post: { publicId: post.publicId, title: post.title },
    revisions,
    chosen: chosen
      ? { id: chosen.id, createdAt: chosen.createdAt, savedByEmail: chosen.savedByEmail, diff: diffTexts(`# ${chosen.title}\n\n${chosen.excerpt}\n\n${chosen.bodyMarkdown}`, current) }
      : null,
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const revisionId = positiveInt(String(formData.get("revision") ?? "")) ?? 0;
  const values = { revision: String(revisionId) };
  return withAppErrors(values, async () => {
    await restoreRevision({ db: args.context.services.db, actor: actorOf(viewer, args.context), publicId: args.params.publicId, revisionId, now: args.context.services.clock() });
    return redirect(`/admin/posts/${args.params.publicId}/revisions?restored=1`);
  });
}

export default function PostRevisions({ loaderData, actionData }: Route.ComponentProps) {
  const { post, revisions, chosen, csrf, restored } = loaderData;
  return (
    <>
      <p>
        <Link to={`/admin/posts/${post.publicId}`}>← {post.title}</Link>
      </p>
      <h1>Revisions</h1>
      <PublishingNav />
      {restored && !actionData ? (
        <div className="alert alert-ok" role="status">
          Restored. The restore is saved as the newest revision; the post keeps its state and address.
        </div>
      ) : null}
      <FormAlert message={problemOf(formFailureOf(actionData))} />
      <p className="hint">Every save keeps a revision; the last 50 are kept. Compare one with the current text, or restore it.</p>
      <TableScroll label="Revisions">
        <table className="data-table">
          <caption className="visually-hidden">Revisions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Saved</th>
              <th scope="col">By</th>
              <th scope="col">Title</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.savedByEmail ?? "Starter content"}</td>
                <td>{r.title}</td>
                <td>
                  <Link to={`?revision=${r.id}`} aria-label={`Compare the revision of ${formatDateTime(r.createdAt)} with the current text`}>
                    Compare
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {chosen ? (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">Revision of {formatDateTime(chosen.createdAt)} compared with the current text</h2>
          <p className="hint">
            <del>Struck through</del>: in the revision, not in the current text. <ins>Underlined</ins>: in the current text only.
          </p>
          <pre className="diff">
            {chosen.diff.map((part, i) =>
              part.change === "added" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
                <ins key={i}>{part.text}</ins>
              ) : part.change === "removed" ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
                <del key={i}>{part.text}</del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
                <span key={i}>{part.text}</span>
              ),
            )}
          </pre>
          <Form method="post">
            <CsrfField token={csrf} />
            <input type="hidden" name="revision" value={chosen.id} />
            <button type="submit">Restore this revision</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
