import { data, Form, Link, redirect } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, SelectField } from "~/app/components/form-field";
import { PublishingNav } from "~/app/components/publishing-nav";
import { formAlertOf, formFailureOf, parseForm, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { hasRole } from "~/domains/accounts/rules";
import { findPersonByPublicId } from "~/domains/accounts/people.server";
import { authorInputSchema } from "~/domains/publishing/publishing.schema";
import { findAuthor, listImages } from "~/domains/publishing/queries.server";
import { updateAuthor } from "~/domains/publishing/update-author.server";
import type { Route } from "./+types/author";
import { pageTitle } from "~/app/page-title";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Author byline", "staff")];

async function staffPerson(db: Parameters<typeof findPersonByPublicId>[0], publicId: string) {
  const person = await findPersonByPublicId(db, publicId);
  if (!person || !hasRole(person.roles, "staff")) throw data({ message: "No such staff person." }, { status: 404 });
  return person;
}

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db } = args.context.services;
  const person = await staffPerson(db, args.params.publicId);
  const [author, images] = await Promise.all([findAuthor(db, { personId: person.id }), listImages(db)]);
  return {
    csrf: viewer.csrfToken,
    email: person.email,
    saved: new URL(args.request.url).searchParams.has("saved"),
    author: author ? { displayName: author.displayName, bio: author.bio, photo: author.photoPublicId ?? "", slug: author.slug } : null,
    suggestedName: person.name,
    images: images.map((i) => [i.publicId, `${i.originalName} (${i.width}×${i.height})`] as [string, string]),
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const { db, clock } = args.context.services;
  const person = await staffPerson(db, args.params.publicId);
  const form = parseForm(formData, authorInputSchema);
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await updateAuthor({ db, actor: actorOf(viewer, args.context), personId: person.id, input: form.value, now: clock() });
    return redirect(`/admin/authors/${args.params.publicId}?saved=1`);
  });
}

export default function Author({ loaderData, actionData }: Route.ComponentProps) {
  const { author, email, csrf, saved, images, suggestedName } = loaderData;
  const failure = formFailureOf(actionData);
  const v: Record<string, string> = failure.failed ? failure.values : { displayName: author?.displayName ?? suggestedName, bio: author?.bio ?? "", photo: author?.photo ?? "" };
  return (
    <>
      <p>
        <Link to="/admin/authors">← Authors</Link>
      </p>
      <h1>Byline of {email}</h1>
      <PublishingNav />
      {saved && !actionData ? (
        <div className="alert alert-ok" role="status">
          Saved. Posts by this person show it now
          {author ? (
            <>
              {" "}
              (<a href={`/news/author/${author.slug}`}>public page</a>)
            </>
          ) : null}
          .
        </div>
      ) : null}
      <FormAlert message={formAlertOf(failure)} />
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={csrf} />
        <FormField name="displayName" label="Name readers see" defaultValue={v.displayName ?? ""} error={failure.fieldErrors.displayName} maxLength={120} />
        <FormField name="bio" label="Short bio" required={false} multiline rows={4} defaultValue={v.bio ?? ""} error={failure.fieldErrors.bio} maxLength={1000} />
        <SelectField name="photo" label="Photo (optional; upload it on the Images page)" options={images} value={v.photo ?? ""} error={failure.fieldErrors.photo} placeholder="No photo" />
        <button type="submit">Save byline</button>
      </Form>
    </>
  );
}
