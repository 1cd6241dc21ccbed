import { data, Form, redirect } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/letter";
import { FormField, HoneypotField, SelectField } from "~/app/components/form-field";
import { DeliveredNote, SignatureCounter } from "~/app/components/signature-counter";
import { siteSettingsFor } from "~/app/site-settings.server";
import { messages as emailMessages } from "~/domains/email/messages";
import { FormAlert } from "~/app/components/form-alert";
import { getViewer } from "~/app/session.server";
import { formAlertOf, formFailureOf, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { formStamp, isBotLike } from "~/app/form-stamp.server";
import { signatureInputSchema } from "~/domains/advocacy/advocacy.schema";
import { findOpenLetter, signOpenLetter } from "~/domains/advocacy/open-letters/open-letters.server";
import { stateNames } from "~/domains/advocacy/legislators/states";
import { messages } from "~/domains/advocacy/messages";
import { renderMarkdown } from "~/platform/markdown.server";
import { cacheNoLongerThan, markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ data: d, matches }) => {
  const title = d?.letter.title ?? "Open letter";
  return [pageTitle(matches, title), { name: "description", content: d?.letter.summary ?? "" }];
};

export async function loader(args: Route.LoaderArgs) {
  const { params, context } = args;
  const letter = await findOpenLetter(context.services.db, params.slug);
  if (!letter) throw data({ message: "No such letter." }, { status: 404 });
  const now = context.services.clock();
  // A signed-in person's form is filled with their name and address: that page is theirs alone, never cached.
  const viewer = await getViewer(args);
  if (!viewer) markPublic(context);
  cacheNoLongerThan(context, new Date(now.getTime() + 30_000)); // counts may lag 30 s
  const { publicCounters } = await siteSettingsFor(context);
  return {
    seo: { title: letter.title, description: letter.summary },
    letter: { ...letter, letterHtml: renderMarkdown(letter.letterMarkdown) },
    threshold: publicCounters.threshold,
    known: viewer && !viewer.secondFactorPending ? { name: viewer.name, email: viewer.email } : null,
    updatesConsent: emailMessages.updatesConsent,
    stamp: await formStamp(context),
  };
}

export const headers = passActionHeaders;

export async function action(args: Route.ActionArgs) {
  const { params, request, context } = args;
  const form = parseForm(await request.formData(), signatureInputSchema);
  const checkEmail = `/letters/${params.slug}/check-email`;
  if (await isBotLike(form.values, context)) return redirect(checkEmail);
  if (!form.ok) return form.response;
  // Proven: signed in (second factor done) as the very address typed; anyone else confirms by the e-mailed link.
  const viewer = await getViewer(args);
  const isProven = viewer !== null && !viewer.secondFactorPending && viewer.email === form.value.email;
  const outcome = await signOpenLetter({ ...context.services, slug: params.slug, input: form.value, ip: context.clientIp, isProven });
  if (!outcome.ok && outcome.reason === "not-found") throw data({ message: messages.noSuchLetter }, { status: 404 });
  if (!outcome.ok) return rateLimitedForm(messages.signaturesRateLimited, outcome.retryAfterSeconds, form.values);
  return redirect(outcome.isConfirmed ? `/letters/${params.slug}/thanks` : checkEmail);
}

export default function Letter({ loaderData, actionData }: Route.ComponentProps) {
  const { letter, stamp, threshold, known } = loaderData;
  const failure = formFailureOf(actionData);
  const { fieldErrors: errors } = failure;
  const values: Record<string, string | undefined> = failure.failed ? failure.values : { name: known?.name || undefined, email: known?.email };
  return (
    <div className="page narrow">
      <p className="hint">Open letter to {letter.addressee}</p>
      <h1>{letter.title}</h1>
      <DeliveredNote delivery={letter.delivery} />
      <SignatureCounter count={letter.signatures} goal={letter.goal} threshold={threshold} />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html) */}
      <article className="letter-text prose" dangerouslySetInnerHTML={{ __html: letter.letterHtml }} />
      <section aria-labelledby="sign-heading" className="sign-box">
        <h2 id="sign-heading">Add your name</h2>
        <FormAlert message={formAlertOf(failure)} />
        {/* The fragment brings a person whose form came back with problems to the message, not the page's top. */}
        <Form method="post" action={`/letters/${letter.slug}#sign-heading`} noValidate className="stack-form">
          <input type="hidden" name="rendered" value={stamp} />
          <FormField name="name" label="Your name" autoComplete="name" error={errors.name} defaultValue={values.name} maxLength={120} />
          <FormField
            name="email"
            label="Your e-mail"
            type="email"
            autoComplete="email"
            error={errors.email}
            defaultValue={values.email}
            hint="We send a link to confirm your signature; it counts once confirmed."
          />
          <FormField
            name="city"
            label="Your city"
            autoComplete="address-level2"
            required={false}
            error={errors.city}
            defaultValue={values.city}
            maxLength={100}
            hint="If you agree to be named, your name, city and state go with the letter when we deliver it."
          />
          <FormField name="zip" label="ZIP code" autoComplete="postal-code" error={errors.zip} defaultValue={values.zip} maxLength={10} />
          <SelectField
            name="signerRole"
            label={
              <>
                I am <span className="optional">(optional)</span>
              </>
            }
            options={[
              ["unmatched-graduate", "an unmatched medical graduate"],
              ["physician", "a physician"],
              ["supporter", "a supporter"],
            ]}
            value={values.signerRole}
            error={errors.signerRole}
            placeholder="Prefer not to say"
          />
          <div className="field">
            <label>
              <input type="checkbox" name="showName" defaultChecked={values.showName === "on"} /> Name me: show my first name and state with the signatures here, and my name, city and state in the
              letter we deliver
            </label>
          </div>
          <div className="field">
            <label>
              <input type="checkbox" name="keepUpdated" defaultChecked={values.keepUpdated === "on"} /> {loaderData.updatesConsent}
            </label>
            <p className="hint">Confirming your signature by e-mail confirms this too: one link for both.</p>
          </div>
          <HoneypotField />
          <button type="submit">Sign the letter</button>
        </Form>
      </section>
      {letter.recentSigners.length ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently signed</h2>
          <ul className="recent-signers">
            {letter.recentSigners.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a short list rendered once on the server, never reordered
              <li key={i}>
                {s.firstName}
                {s.state ? `, ${stateNames[s.state] ?? s.state}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
