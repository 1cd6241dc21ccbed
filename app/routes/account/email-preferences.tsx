import { pageTitle } from "~/app/page-title";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/email-preferences";
import { CsrfField } from "~/app/components/csrf-field";
import { MailPreferencesFields, preferencesFromForm } from "~/app/components/mail-preferences-fields";
import { requireViewer, verifyCsrf } from "~/app/session.server";
import { getPreferences, savePreferences } from "~/domains/email/newsletters/suppressions.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "E-mail preferences")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  const preferences = await getPreferences(args.context.services.db, viewer.email);
  return { email: viewer.email, preferences, csrf: viewer.csrfToken, saved: new URL(args.request.url).searchParams.has("saved") };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireViewer(args);
  verifyCsrf(viewer, formData);
  const { db, clock } = args.context.services;
  await savePreferences(db, { email: viewer.email, preferences: preferencesFromForm(formData), newsletterId: null, source: "account", now: clock() });
  return redirect("/account/email-preferences?saved=1");
}

export default function EmailPreferences({ loaderData }: Route.ComponentProps) {
  const { email, preferences, csrf, saved } = loaderData;
  return (
    <div className="page narrow">
      <h1>E-mail preferences</h1>
      <p className="lead">
        What AMG sends to <strong>{email}</strong>.
      </p>
      {saved ? (
        <p role="status" className="notice">
          Your choices are saved.
        </p>
      ) : null}
      <Form method="post">
        <CsrfField token={csrf} />
        <MailPreferencesFields newsletter={preferences.newsletter} campaignAlerts={preferences.campaignAlerts} memberUpdates={preferences.memberUpdates} />
        <button type="submit">Save my choices</button>
      </Form>
      <p>
        <a href="/account">Back to your account</a>
      </p>
    </div>
  );
}
