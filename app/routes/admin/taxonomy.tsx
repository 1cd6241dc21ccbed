import { redirectWithFlash } from "~/app/flash.server";
import { Form } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { PublishingNav } from "~/app/components/publishing-nav";
import { TableScroll } from "~/app/components/table-scroll";
import { formFailureOf, parseForm, problemOf, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { manageTaxonomy } from "~/domains/publishing/manage-taxonomy.server";
import { taxonomyInputSchema } from "~/domains/publishing/publishing.schema";
import { listTaxonomy } from "~/domains/publishing/queries.server";
import type { Route } from "./+types/taxonomy";
import { pageTitle } from "~/app/page-title";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Tags and categories", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db } = args.context.services;
  const [tags, categories] = await Promise.all([listTaxonomy(db, "tag"), listTaxonomy(db, "category")]);
  return { csrf: viewer.csrfToken, tags, categories };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const form = parseForm(formData, taxonomyInputSchema);
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    const { postsAffected } = await manageTaxonomy({ db: args.context.services.db, actor: actorOf(viewer, args.context), input: form.value });
    const affected = postsAffected ? ` ${postsAffected.toLocaleString("en-US")} ${postsAffected === 1 ? "post" : "posts"} affected.` : "";
    return redirectWithFlash("/admin/taxonomy", `${doneMessage[form.value.intent] ?? "Done."}${affected}`, args.context);
  });
}

const doneMessage: Record<string, string> = { create: "Added.", rename: "Renamed.", merge: "Merged.", delete: "Deleted." };

function TaxonomyTable({ kind, items, csrf, others }: { kind: "tag" | "category"; items: { slug: string; name: string; posts: number }[]; csrf: string; others: [string, string][] }) {
  const noun = kind === "tag" ? "tag" : "category";
  return (
    <section aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{kind === "tag" ? "Tags" : "Categories"}</h2>
      <TableScroll label={kind === "tag" ? "Tags" : "Categories"}>
        <table className="data-table">
          <caption className="visually-hidden">{kind === "tag" ? "Tags" : "Categories"} with their number of posts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Posts</th>
              <th scope="col">Rename</th>
              <th scope="col">Merge into</th>
              <th scope="col">Delete</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.slug}>
                <td>
                  <a href={`/news/${kind}/${item.slug}`}>{item.name}</a>
                </td>
                <td>{item.posts}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <CsrfField token={csrf} />
                    <input type="hidden" name="kind" value={kind} />
                    <input type="hidden" name="slug" value={item.slug} />
                    <label className="visually-hidden" htmlFor={`rename-${kind}-${item.slug}`}>
                      New name for {item.name}
                    </label>
                    <input id={`rename-${kind}-${item.slug}`} name="name" defaultValue={item.name} maxLength={80} />
                    <button type="submit" name="intent" value="rename" className="button-small">
                      Rename
                    </button>
                  </Form>
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <CsrfField token={csrf} />
                    <input type="hidden" name="kind" value={kind} />
                    <input type="hidden" name="slug" value={item.slug} />
                    <label className="visually-hidden" htmlFor={`merge-${kind}-${item.slug}`}>
                      Merge {item.name} into
                    </label>
                    <select id={`merge-${kind}-${item.slug}`} name="into" defaultValue="">
                      <option value="">Choose…</option>
                      {others
                        .filter(([slug]) => slug !== item.slug)
                        .map(([slug, name]) => (
                          <option key={slug} value={slug}>
                            {name}
                          </option>
                        ))}
                    </select>
                    <button type="submit" name="intent" value="merge" className="button-small">
                      Merge
                    </button>
                  </Form>
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <CsrfField token={csrf} />
                    <input type="hidden" name="kind" value={kind} />
                    <input type="hidden" name="slug" value={item.slug} />
                    <button type="submit" name="intent" value="delete" className="button-small button-secondary" aria-label={`Delete ${noun} ${item.name} (${item.posts} posts)`}>
                      Delete ({item.posts} {item.posts === 1 ? "post" : "posts"})
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Form method="post" className="inline-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="kind" value={kind} />
        <label htmlFor={`new-${kind}`}>New {noun}</label>
        <input id={`new-${kind}`} name="name" maxLength={80} />
        <button type="submit" name="intent" value="create" className="button-small">
          Add
        </button>
      </Form>
    </section>
  );
}

export default function Taxonomy({ loaderData, actionData }: Route.ComponentProps) {
  const { tags, categories, csrf } = loaderData;
  return (
    <>
      <h1>Tags and categories</h1>
      <PublishingNav />
      <FormAlert message={problemOf(formFailureOf(actionData))} />
      <p className="hint">A post has one category and any number of tags. Merging moves the posts to the other one and deletes this one; deleting leaves the posts without it.</p>
      <TaxonomyTable kind="category" items={categories} csrf={csrf} others={categories.map((c) => [c.slug, c.name])} />
      <TaxonomyTable kind="tag" items={tags} csrf={csrf} others={tags.map((t) => [t.slug, t.name])} />
    </>
  );
}
