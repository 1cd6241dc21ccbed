import { Form, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import { formFailure, formFailureOf, parseForm } from "~/app/form-data";
import type { Route } from "./+types/two-factor";
import { CsrfField } from "~/app/components/csrf-field";
import { FormField } from "~/app/components/form-field";
import { actorOf, requireViewer, safeNextPath, verifyCsrf } from "~/app/session.server";
import { beginSecondFactorSetup, confirmSecondFactor, disableSecondFactor } from "~/domains/accounts/second-factor.server";
import { getSiteSettings } from "~/domains/site/queries.server";
import { secondFactorCodeSchema } from "~/domains/accounts/accounts.schema";
import { messages } from "~/domains/accounts/messages";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Two-factor sign-in")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  const params = new URL(args.request.url).searchParams;
  const { db } = args.context.services;
  const setup = viewer.hasSecondFactor ? null : await beginSecondFactorSetup(args.context.services, viewer, (await getSiteSettings(db)).organisation.shortName);
  return { enabled: viewer.hasSecondFactor, setup, required: params.has("required"), next: safeNextPath(params.get("next"), "/account"), csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireViewer(args);
  verifyCsrf(viewer, formData);
  const form = parseForm(formData, secondFactorCodeSchema);
  if (!form.ok) return form.response;
  const { code } = form.value;
  const { clock } = args.context.services;
  const store = args.context.services;
  const actor = actorOf(viewer, args.context);
  if (form.values.intent === "disable") {
    if (!(await disableSecondFactor(store, actor, code, clock()))) return formFailure(form.values, { fieldErrors: { code: messages.secondFactorDisableWrong } });
    return redirect("/account/two-factor");
  }
  const recoveryCodes = await confirmSecondFactor(store, actor, code.replace(/\s+/g, ""), clock());
  if (!recoveryCodes) return formFailure(form.values, { fieldErrors: { code: messages.secondFactorSetupWrong } });
  return { recoveryCodes };
}

export default function TwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  const { enabled, setup, required, next, csrf } = loaderData;
  const failure = formFailureOf(actionData);
  if (actionData && "recoveryCodes" in actionData) {
    return (
      <div className="page narrow">
        <h1>Two-factor sign-in is on</h1>
        <p className="lead">Keep these recovery codes somewhere safe. Each works once if you lose your phone. They are shown only now.</p>
        <ul className="recovery-codes">
          {actionData.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <a className="button" href={next}>
            Continue
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Two-factor sign-in</h1>
      {required ? (
        <div className="alert alert-error" role="alert">
          An administrator requires staff to use an authenticator app. Set it up to continue to the console.
        </div>
      ) : null}
      {enabled ? (
        <>
          <p className="lead">On: after the e-mailed link, you are asked for a code from your authenticator app.</p>
          <Form method="post" className="stack-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="intent" value="disable" />
            <FormField name="code" label="A current code (or a recovery code) to turn it off" autoComplete="one-time-code" error={failure.fieldErrors.code} />
            <button type="submit" className="button-secondary">
              Turn off two-factor sign-in
            </button>
          </Form>
        </>
      ) : setup ? (
        <>
          <p className="lead">Scan this code with an authenticator app (such as Google Authenticator, 1Password or Authy), then type the 6-digit code it shows.</p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the QR code is an SVG made by uqr from the secret, not from anyone's input */}
          <div className="qr" role="img" aria-label="QR code of your authenticator secret" dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
          <p>
            Cannot scan? Enter this key by hand: <code className="secret">{setup.secret}</code>
          </p>
          <Form method="post" noValidate className="stack-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="intent" value="confirm" />
            <FormField name="code" label="6-digit code" autoComplete="one-time-code" error={failure.fieldErrors.code} />
            <button type="submit">Turn on two-factor sign-in</button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
