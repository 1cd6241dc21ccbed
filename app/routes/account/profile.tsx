import { Form, Link, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/profile";
import { ApplicationFields, DegreeChoice } from "~/app/components/application-fields";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { formFailure, formFailureOf, parseForm } from "~/app/form-data";
import { actorOf, requireRole } from "~/app/session.server";
import { applicationInputSchema } from "~/domains/membership/membership.schema";
import { applicationChoices, degreeChoices, degreeLabels, examFieldsOf, isDegree } from "~/domains/membership/labels";
import { applicationFormValues } from "~/domains/membership/profile";
import { updateOwnProfile } from "~/domains/membership/update-profile.server";
import { findOwnApplication } from "~/domains/membership/queries.server";
import { messages } from "~/domains/membership/messages";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "My profile")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireRole(args, "member");
  const application = await findOwnApplication(args.context.services.db, viewer.email);
  const params = new URL(args.request.url).searchParams;
  const asked = params.get("degree");
  return {
    values: application ? applicationFormValues(application) : null,
    email: viewer.email,
    csrf: viewer.csrfToken,
    saved: params.has("saved"),
    degree: isDegree(asked) ? asked : null,
    askDegree: params.get("step") === "degree",
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireRole(args, "member", formData);
  const { db, clock } = args.context.services;
  // The e-mail is the account's: a member changes it by asking AMG, not here.
  const form = parseForm(formData, applicationInputSchema(clock()), { repeated: ["workStates"], input: (values) => ({ ...values, email: viewer.email }) });
  if (!form.ok) return form.response;
  const outcome = await updateOwnProfile({ db, actor: actorOf(viewer, args.context), input: form.value, now: clock() });
  if (!outcome.ok) return formFailure(form.values, { status: 404, formError: messages.noOwnApplication });
  return redirect("/account/profile?saved=1");
}

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  const errors: Record<string, string | undefined> = failure.fieldErrors;
  const errorCount = Object.keys(errors).length;
  if (!loaderData.values) {
    return (
      <div className="page narrow">
        <h1>My profile</h1>
        <p className="lead">We have no membership application under {loaderData.email}. If you applied with another address, please write to us.</p>
      </div>
    );
  }
  const values = failure.failed ? failure.values : loaderData.values;
  const degree = failure.failed ? values.degree : (loaderData.degree ?? values.degree);
  if (loaderData.askDegree || !isDegree(degree)) {
    return (
      <div className="page narrow">
        <p>
          <Link to="/account/profile">← My profile</Link>
        </p>
        <h1>My profile</h1>
        <DegreeChoice action="/account/profile" degrees={degreeChoices} value={values.degree} />
      </div>
    );
  }
  return (
    <div className="page narrow">
      <p>
        <Link to="/account">← Your account</Link>
      </p>
      <h1>My profile</h1>
      <p className="lead">Keep your answers up to date: where you would work, your exams and your training. They stay private to you and AMG's volunteers.</p>
      {loaderData.saved && !actionData ? (
        <div className="alert alert-ok" role="status">
          Your profile is saved.
        </div>
      ) : null}
      <FormAlert message={failure.formError} />
      {errorCount ? <FormAlert message={`Please correct ${errorCount === 1 ? "the field" : `the ${errorCount} fields`} marked below.`} /> : null}
      <p>
        E-mail: <strong>{loaderData.email}</strong>
      </p>
      <Form method="post" action={`/account/profile?degree=${degree}`} noValidate className="stack-form">
        <CsrfField token={loaderData.csrf} />
        <ApplicationFields
          values={values}
          errors={errors}
          degree={degree}
          degreeLabel={degreeLabels[degree]}
          changeDegreeHref="/account/profile?step=degree"
          exams={examFieldsOf(degree)}
          choices={applicationChoices}
          withEmail={false}
        />
        <button type="submit">Save my profile</button>
      </Form>
    </div>
  );
}
