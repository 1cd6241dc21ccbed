import { pageTitle } from "~/app/page-title";
import { useEffect } from "react";
import { Form, useRevalidator } from "react-router";
import type { Route } from "./+types/newsletter";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, SelectField } from "~/app/components/form-field";
import { formFailureOf } from "~/app/form-data";
import { formatCount, formatDateTime } from "~/app/format";
import { newsletterAction, newsletterLoader } from "./newsletter.server";

export const meta: Route.MetaFunction = ({ data, matches }) => [
  pageTitle(matches, `${data?.newsletter ? data.newsletter.subject : "New newsletter"}`, "staff"),
  // Without JavaScript the progress page reloads itself while the send runs.
  ...(data?.newsletter?.status === "sending" ? [{ httpEquiv: "refresh", content: "5" } as const] : []),
];

export const loader = (args: Route.LoaderArgs) => newsletterLoader(args);
export const action = (args: Route.ActionArgs) => newsletterAction(args);

const statusLabel: Record<string, string> = { draft: "Draft", scheduled: "Scheduled", sending: "Sending", paused: "Paused", sent: "Sent", cancelled: "Cancelled" };
const topicOptions: [string, string][] = [
  ["newsletter", "Newsletter"],
  ["campaign-alerts", "Campaign alert"],
  ["member-updates", "Member update"],
];
const examOptions: [string, string][] = [
  ["step1", "USMLE Step 1"],
  ["step2ck", "USMLE Step 2 CK"],
  ["step3", "USMLE Step 3"],
];
const resultOptions: [string, string][] = [
  ["passed", "Passed"],
  ["failed", "Failed"],
  ["pending", "Waiting for the result"],
  ["not-taken", "Not taken"],
];
const memberStatusOptions: [string, string][] = [
  ["approved", "Approved members"],
  ["awaiting-review", "Applicants awaiting review"],
  ["more-info-requested", "Applicants asked for more information"],
];

function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}

export default function Newsletter({ loaderData, actionData }: Route.ComponentProps) {
  const { newsletter, campaigns, count, progress, results, csrf, audienceText, testSent } = loaderData;
  const failure = formFailureOf(actionData);
  const values = failure.failed ? failure.values : loaderData.values;
  const editable = !newsletter || newsletter.status === "draft" || newsletter.status === "scheduled";
  const revalidator = useRevalidator();
  const sending = newsletter?.status === "sending";
  useEffect(() => {
    if (!sending) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [sending, revalidator]);
  const statuses = (values.m_status ?? "approved").split(",");

  return (
    <>
      <p>
        <a href="/admin/newsletters">Newsletters</a>
      </p>
      <h1>{newsletter ? newsletter.subject : "New newsletter"}</h1>
      {newsletter ? (
        <p>
          <strong>{statusLabel[newsletter.status]}</strong>
          {newsletter.status === "scheduled" ? ` for ${formatDateTime(newsletter.scheduledAt)}` : ""}
          {newsletter.startedAt ? ` · started ${formatDateTime(newsletter.startedAt)}` : ""}
          {newsletter.finishedAt ? ` · finished ${formatDateTime(newsletter.finishedAt)}` : ""}
        </p>
      ) : null}
      <FormAlert message={failure.formError} />
      {testSent ? (
        <p role="status" className="notice">
          A test copy is on its way to your address (it is in the outbox).
        </p>
      ) : null}

      {progress ? (
        <section aria-labelledby="progress-heading">
          <h2 id="progress-heading">Progress</h2>
          <progress max={Math.max(1, progress.total - progress.skipped)} value={progress.sent + progress.failed} aria-label="Sent so far">
            {progress.sent + progress.failed} of {progress.total - progress.skipped}
          </progress>
          <dl className="facts" aria-live="polite">
            <dt>Sent</dt>
            <dd data-testid="sent-count">{formatCount(progress.sent)}</dd>
            <dt>Failed</dt>
            <dd>{formatCount(progress.failed)}</dd>
            <dt>Remaining</dt>
            <dd>{formatCount(progress.remaining)}</dd>
            <dt>Skipped (suppressed or unsubscribed)</dt>
            <dd>{formatCount(progress.skipped)}</dd>
            <dt>Rate</dt>
            <dd>{progress.rate ? `${progress.rate} per second` : "—"}</dd>
            <dt>Time left</dt>
            <dd>{duration(progress.secondsLeft)}</dd>
          </dl>
          {progress.status === "paused" && progress.pauseReason ? (
            <div className="alert alert-error" role="alert">
              {progress.pauseReason}
            </div>
          ) : null}
          {newsletter && (newsletter.status === "sending" || newsletter.status === "paused") ? (
            <div className="button-row">
              {newsletter.status === "sending" ? (
                <Form method="post">
                  <CsrfField token={csrf} />
                  <button type="submit" name="intent" value="pause">
                    Pause
                  </button>
                </Form>
              ) : (
                <Form method="post">
                  <CsrfField token={csrf} />
                  <button type="submit" name="intent" value="resume">
                    Resume
                  </button>
                </Form>
              )}
              <Form method="post">
                <CsrfField token={csrf} />
                <button type="submit" name="intent" value="cancel" className="button-secondary">
                  Cancel the rest
                </button>
              </Form>
            </div>
          ) : null}
        </section>
      ) : null}

      {results ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">Results</h2>
          <dl className="facts">
            <dt>Delivered</dt>
            <dd>{formatCount(results.delivered)}</dd>
            <dt>Failed</dt>
            <dd>{formatCount(results.failed)}</dd>
            <dt>Bounced</dt>
            <dd>{formatCount(results.bounced)}</dd>
            <dt>Complaints</dt>
            <dd>{formatCount(results.complaints)}</dd>
            <dt>Unsubscribes caused</dt>
            <dd>{formatCount(results.unsubscribes)}</dd>
          </dl>
          {results.failureReasons.length ? (
            <>
              <h3>Why messages failed</h3>
              <ul>
                {results.failureReasons.map((r) => (
                  <li key={r.reason}>
                    {formatCount(r.count)}: {r.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {newsletter?.status === "sent" && !newsletter.isPrivate ? (
            <p>
              <a href={`/newsletter/archive/${newsletter.publicId}`}>Read it in the public archive</a>
            </p>
          ) : null}
        </section>
      ) : null}

      {editable ? (
        <Form method="post" className="stack">
          <CsrfField token={csrf} />
          <FormField name="subject" label="Subject" defaultValue={values.subject} error={failure.fieldErrors.subject} maxLength={200} />
          <FormField
            name="preheader"
            label="Preheader"
            hint="The line mail apps show after the subject."
            required={false}
            defaultValue={values.preheader}
            error={failure.fieldErrors.preheader}
            maxLength={200}
          />
          <FormField
            name="markdown"
            label="Newsletter (Markdown)"
            multiline
            rows={16}
            defaultValue={values.markdown}
            error={failure.fieldErrors.markdown}
            maxLength={100_000}
            hint="# for a heading, **bold**, [a link](https://…), - for a list."
          />
          <SelectField name="topic" label="Kind of e-mail (people can turn each kind off)" options={topicOptions} value={values.topic} placeholder={null} />
          <fieldset className="field">
            <legend>Recipients</legend>
            {failure.fieldErrors.audience ? (
              <p className="error-message" id="audience-error">
                {failure.fieldErrors.audience}
              </p>
            ) : null}
            <label className="checkbox">
              <input type="checkbox" name="aud_subscribers" value="on" defaultChecked={values.aud_subscribers === "on"} /> Confirmed newsletter subscribers
            </label>
            <label className="checkbox">
              <input type="checkbox" name="aud_mentors" value="on" defaultChecked={values.aud_mentors === "on"} /> Mentors (approved volunteer physicians)
            </label>
            <label className="checkbox">
              <input type="checkbox" name="aud_members" value="on" defaultChecked={values.aud_members === "on"} /> Members, filtered by:
            </label>
            <div className="indent">
              <fieldset className="field">
                <legend>Status</legend>
                {memberStatusOptions.map(([v, l]) => (
                  <label className="checkbox" key={v}>
                    <input type="checkbox" name="m_status" value={v} defaultChecked={statuses.includes(v)} /> {l}
                  </label>
                ))}
              </fieldset>
              <FormField name="m_states" label="States" hint="Two-letter codes separated by commas, e.g. NY, CA. Empty: every state." required={false} defaultValue={values.m_states} maxLength={300} />
              <FormField name="m_districts" label="Congressional districts" hint="e.g. NY-10, CA-12. Empty: every district." required={false} defaultValue={values.m_districts} maxLength={3000} />
              <FormField name="m_grad_from" label="Graduated from (year)" required={false} defaultValue={values.m_grad_from} maxLength={4} />
              <FormField name="m_grad_to" label="Graduated until (year)" required={false} defaultValue={values.m_grad_to} maxLength={4} />
              <SelectField name="m_exam" label="Exam" options={examOptions} value={values.m_exam} placeholder="Any" />
              <SelectField name="m_exam_result" label="Exam result" options={resultOptions} value={values.m_exam_result} placeholder="Any" />
              <FormField name="m_specialty" label="Specialty (part of its name)" required={false} defaultValue={values.m_specialty} maxLength={100} />
            </div>
            <SelectField
              name="aud_campaign"
              label="People who took action in a campaign"
              options={campaigns.map((c) => [c.slug, c.title] as [string, string])}
              value={values.aud_campaign}
              placeholder="No campaign"
            />
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" name="isPrivate" value="on" defaultChecked={values.isPrivate === "on"} /> Private: keep it out of the public archive
          </label>
          <button type="submit" name="intent" value="save">
            {newsletter ? "Save the draft" : "Create the draft"}
          </button>
        </Form>
      ) : null}

      {newsletter && editable ? (
        <section aria-labelledby="send-heading">
          <h2 id="send-heading">Preview and send</h2>
          <p>
            <a href={`/admin/newsletters/${newsletter.publicId}/preview`} target="_blank" rel="noopener">
              Open the e-mail as it will look
            </a>{" "}
            (saved version).
          </p>
          <iframe title="Preview of the e-mail" src={`/admin/newsletters/${newsletter.publicId}/preview`} className="mail-preview" sandbox="" />
          <Form method="post">
            <CsrfField token={csrf} />
            <button type="submit" name="intent" value="test" className="button-secondary">
              Send a test to myself
            </button>
          </Form>
          <p>
            Recipients: {audienceText}.{" "}
            {count ? (
              <>
                <strong data-testid="recipient-count">{formatCount(count.recipients)}</strong> people will receive it
                {count.blocked ? ` (${formatCount(count.blocked)} more are unsubscribed or suppressed and will not)` : ""}. Duplicates are counted once.
              </>
            ) : null}
          </p>
          {count && count.recipients > 0 ? (
            <Form method="post">
              <CsrfField token={csrf} />
              <input type="hidden" name="expectedCount" value={count.recipients} />
              <button type="submit" name="intent" value="send">
                Send now to {formatCount(count.recipients)} people
              </button>
            </Form>
          ) : null}
          {newsletter.status === "scheduled" ? (
            <Form method="post">
              <CsrfField token={csrf} />
              <button type="submit" name="intent" value="unschedule" className="button-secondary">
                Unschedule (back to draft)
              </button>
            </Form>
          ) : (
            <Form method="post" className="stack">
              <CsrfField token={csrf} />
              <div className={`field${failure.fieldErrors.scheduledAt ? " field-error" : ""}`}>
                <label htmlFor="field-scheduledAt">Send later (Eastern Time)</label>
                <input
                  id="field-scheduledAt"
                  type="datetime-local"
                  name="scheduledAt"
                  defaultValue={values.scheduledAt}
                  aria-describedby={failure.fieldErrors.scheduledAt ? "field-scheduledAt-error" : undefined}
                />
                {failure.fieldErrors.scheduledAt ? (
                  <p className="error-message" id="field-scheduledAt-error">
                    {failure.fieldErrors.scheduledAt}
                  </p>
                ) : null}
              </div>
              <button type="submit" name="intent" value="schedule" className="button-secondary">
                Schedule
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </>
  );
}
