import { data, Form, Link } from "react-router";
import { CheckGroup } from "~/app/components/check-group";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, SelectField } from "~/app/components/form-field";
import { formAlertOf, formFailureOf, parseForm, withAppErrors } from "~/app/form-data";
import { requireViewer, verifyCsrf } from "~/app/session.server";
import { feedbackSchema, meetingSchema, pairPageSchema, reasonSchema } from "~/domains/mentorship/mentorship.schema";
import { answerIntroduction, endMentorship, giveFeedback, logMeeting, mentorshipPage, updatePairPage } from "~/domains/mentorship/mentorships.server";
import { topicKeys, topicLabels, type Topic } from "~/domains/mentorship/vocabulary";
import { AppError } from "~/platform/errors";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/mentorship";

// The pair's shared page: only the mentor and the mentee reach it. The mentor answers the
// introduction here; then both keep goals, rhythm, next steps and the meeting log (a note is
// private to its author unless shared), give feedback, and either can end it with a reason.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Mentorship"), { name: "robots", content: "noindex" }];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  const { db, clock } = args.context.services;
  // Anyone but the two people of the mentorship gets "not found", as for a mentorship that does not exist.
  const page = await mentorshipPage(db, viewer.personId, args.params.publicId).catch((error: unknown) => {
    if (error instanceof AppError) throw data({ message: error.message }, { status: error.status });
    throw error;
  });
  return { page, csrf: viewer.csrfToken, today: clock().toISOString().slice(0, 10) };
}

export async function action(args: Route.ActionArgs) {
  const viewer = await requireViewer(args);
  const formData = await args.request.formData();
  verifyCsrf(viewer, formData);
  const { services } = args.context;
  const publicId = args.params.publicId;
  const intent = String(formData.get("intent") ?? "");
  if (intent === "accept") {
    const values = { intent };
    return withAppErrors(values, async () => {
      await answerIntroduction(services, viewer.personId, { publicId, accept: true, reason: "" });
      return { done: "accepted" as const };
    });
  }
  if (intent === "decline" || intent === "end" || intent === "rematch") {
    const form = parseForm(formData, reasonSchema);
    if (!form.ok) return form.response;
    return withAppErrors(form.values, async () => {
      if (intent === "decline") await answerIntroduction(services, viewer.personId, { publicId, accept: false, reason: form.value.reason });
      else await endMentorship(services, viewer.personId, { publicId, reason: form.value.reason, rematch: intent === "rematch" });
      return { done: intent };
    });
  }
  if (intent === "page") {
    const form = parseForm(formData, pairPageSchema);
    if (!form.ok) return form.response;
    return withAppErrors(form.values, async () => {
      await updatePairPage(services.db, viewer.personId, publicId, form.value);
      return { done: "page" as const };
    });
  }
  if (intent === "meeting") {
    const form = parseForm(formData, meetingSchema, { repeated: ["topics"] });
    if (!form.ok) return form.response;
    return withAppErrors(form.values, async () => {
      await logMeeting(services.db, viewer.personId, publicId, form.value);
      return { done: "meeting" as const };
    });
  }
  const form = parseForm(formData, feedbackSchema);
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await giveFeedback(services.db, viewer.personId, publicId, form.value, services.clock());
    return { done: "feedback" as const };
  });
}

const doneWords: Record<string, string> = {
  accepted: "You accepted. Your mentee has been told by e-mail.",
  decline: "You declined. Your answer has been passed on; the member keeps their place in line.",
  end: "The mentorship has ended. The other side has been told by e-mail.",
  rematch: "The mentorship has ended and you are back in line for another mentor, with the place you had.",
  page: "Saved.",
  meeting: "The meeting is in the log.",
  feedback: "Thank you for your feedback.",
};

const ratings: [string, string][] = [
  ["5", "5: very helpful"],
  ["4", "4"],
  ["3", "3"],
  ["2", "2"],
  ["1", "1: not helpful"],
];

export default function Mentorship({ loaderData, actionData }: Route.ComponentProps) {
  const { page, csrf, today } = loaderData;
  const failure = formFailureOf(actionData);
  const errors = failure.fieldErrors;
  const values = failure.values;
  const done = actionData && "done" in actionData ? doneWords[actionData.done] : null;
  const m = page.mentorship;
  const other = page.side === "mentor" ? page.mentee.name : `${page.mentor.name} (${page.mentor.specialty})`;
  const stageDue = m.status === "ended" ? "end" : m.feedbackAsked["three-months"] ? "three-months" : null;
  return (
    <div className="page narrow">
      <h1>Mentorship with {other}</h1>
      {done ? (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      ) : null}
      <FormAlert message={formAlertOf(failure)} />
      {m.status === "introduced" ? (
        page.side === "mentor" ? (
          <section>
            <h2>Will you mentor {page.mentee.name}?</h2>
            <p>Why we proposed you: {m.reasons.join("; ")}.</p>
            <p>Their goals: {m.goals}</p>
            <p>Please answer by {new Date(m.respondBy).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })}.</p>
            <Form method="post" className="inline-form">
              <CsrfField token={csrf} />
              <button type="submit" name="intent" value="accept">
                Accept
              </button>
            </Form>
            <Form method="post" noValidate className="stack-form">
              <CsrfField token={csrf} />
              <FormField
                name="reason"
                label="Or decline, with a reason (passed on to staff)"
                multiline
                rows={3}
                error={values.intent === "decline" ? errors.reason : undefined}
                defaultValue={values.reason}
                maxLength={1000}
              />
              <button type="submit" name="intent" value="decline" className="secondary">
                Decline
              </button>
            </Form>
          </section>
        ) : (
          <p className="lead">
            We have proposed {page.mentor.name} as your mentor; they have until {new Date(m.respondBy).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })} to accept. We e-mail you
            when they answer.
          </p>
        )
      ) : null}
      {m.status === "declined" || m.status === "expired" ? <p className="lead">This introduction did not go ahead. {page.side === "mentee" ? "You kept your place in line." : ""}</p> : null}
      {m.status === "ended" ? (
        <p className="lead">
          This mentorship has ended{m.endedBy ? ` (ended by the ${m.endedBy === "staff" ? "staff" : m.endedBy})` : ""}. {m.endReason ? `Reason: ${m.endReason}` : ""}
        </p>
      ) : null}
      {m.status === "active" || m.status === "ended" ? (
        <>
          <section>
            <h2>Goals, rhythm and next steps</h2>
            {m.status === "active" ? (
              <Form method="post" noValidate className="stack-form">
                <CsrfField token={csrf} />
                <FormField name="goals" label="Goals" multiline rows={4} required={false} defaultValue={values.goals ?? m.goals} error={errors.goals} maxLength={2000} />
                <FormField
                  name="rhythm"
                  label="How often you meet"
                  required={false}
                  defaultValue={values.rhythm ?? m.rhythm}
                  error={errors.rhythm}
                  maxLength={200}
                  hint="For example: an hour every other Tuesday evening."
                />
                <FormField name="nextSteps" label="Next steps" multiline rows={4} required={false} defaultValue={values.nextSteps ?? m.nextSteps} error={errors.nextSteps} maxLength={2000} />
                <button type="submit" name="intent" value="page">
                  Save
                </button>
              </Form>
            ) : (
              <dl>
                <dt>Goals</dt>
                <dd>{m.goals || "None written"}</dd>
                <dt>Next steps</dt>
                <dd>{m.nextSteps || "None written"}</dd>
              </dl>
            )}
          </section>
          <section>
            <h2>Meeting log</h2>
            {page.meetings.length ? (
              <ul className="meeting-log">
                {page.meetings.map((x) => (
                  <li key={x.id}>
                    <strong>{x.heldOn}</strong>, {x.minutes} minutes{x.topics.length ? `: ${x.topics.map((t) => topicLabels[t as Topic]).join(", ")}` : ""}
                    {x.notes ? <p>{x.notes}</p> : null}
                    <span className="hint">{x.isMine ? (x.shared ? "Your note, shared with both of you" : "Your private note: only you see it") : "Shared note"}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>No meeting logged yet.</p>
            )}
            {m.status === "active" ? (
              <Form method="post" noValidate className="stack-form">
                <CsrfField token={csrf} />
                <h3>Log a meeting</h3>
                <FormField name="heldOn" label="Date (year-month-day)" defaultValue={values.heldOn ?? today} error={errors.heldOn} maxLength={10} />
                <FormField name="minutes" label="Length in minutes" defaultValue={values.minutes ?? "60"} error={errors.minutes} maxLength={3} />
                <CheckGroup name="topics" legend="Topics" options={topicKeys.map((t) => [t, topicLabels[t]])} checked={values.topics} error={errors.topics} />
                <FormField name="notes" label="Notes" multiline rows={4} required={false} defaultValue={values.notes} error={errors.notes} maxLength={5000} />
                <SelectField
                  name="shared"
                  label="Who sees the notes"
                  options={[
                    ["yes", "Both of us"],
                    ["no", "Only me"],
                  ]}
                  value={values.shared ?? "yes"}
                  placeholder={null}
                />
                <button type="submit" name="intent" value="meeting">
                  Add to the log
                </button>
              </Form>
            ) : null}
          </section>
          {stageDue && !page.feedbackGiven.includes(stageDue) ? (
            <section id="feedback">
              <h2>Feedback</h2>
              <Form method="post" noValidate className="stack-form">
                <CsrfField token={csrf} />
                <input type="hidden" name="stage" value={stageDue} />
                <SelectField name="rating" label="How helpful has this mentorship been?" options={ratings} value={values.rating ?? "5"} error={errors.rating} placeholder={null} />
                <FormField name="comment" label="Comment" multiline rows={3} required={false} defaultValue={values.comment} error={errors.comment} maxLength={2000} />
                <button type="submit" name="intent" value="feedback">
                  Send feedback
                </button>
              </Form>
            </section>
          ) : null}
          {m.status === "active" ? (
            <section>
              <h2>End the mentorship</h2>
              <Form method="post" noValidate className="stack-form">
                <CsrfField token={csrf} />
                <FormField
                  name="reason"
                  label="Reason (the other side sees it)"
                  multiline
                  rows={3}
                  defaultValue={values.intent === "end" || values.intent === "rematch" ? values.reason : undefined}
                  error={values.intent === "decline" ? undefined : errors.reason}
                  maxLength={1000}
                />
                <button type="submit" name="intent" value="end" className="secondary">
                  End the mentorship
                </button>
                {page.side === "mentee" ? (
                  <button type="submit" name="intent" value="rematch" className="secondary">
                    End and ask for another mentor
                  </button>
                ) : null}
              </Form>
            </section>
          ) : null}
        </>
      ) : null}
      <p>
        <Link to={page.side === "mentor" ? "/mentoring" : "/account/mentor"}>Back</Link>
      </p>
    </div>
  );
}
