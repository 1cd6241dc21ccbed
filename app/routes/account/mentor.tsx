import { Form, Link, redirect } from "react-router";
import { CheckGroup } from "~/app/components/check-group";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { FormField } from "~/app/components/form-field";
import { formAlertOf, formFailureOf, parseForm, withAppErrors } from "~/app/form-data";
import { requireViewer, verifyCsrf } from "~/app/session.server";
import { menteeFormRepeated, menteeRequestSchema } from "~/domains/mentorship/mentorship.schema";
import { menteeMentorships } from "~/domains/mentorship/mentorships.server";
import { findOpenRequest, listMentorsToAvoid, placeInLine, saveMenteeRequest, withdrawMenteeRequest } from "~/domains/mentorship/request-mentor.server";
import { waitInWords } from "~/domains/mentorship/rules";
import { availabilityKeys, availabilityLabels, practiceSettingLabels, practiceSettings, specialties, topicKeys, topicLabels } from "~/domains/mentorship/vocabulary";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/mentor";

// A member asks for a mentor: the request form (goals, topics, specialties, states, language, times,
// mentors to avoid), their place in line with an honest expected wait, and their mentorships.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Ask for a mentor")];

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  const { db, clock } = args.context.services;
  const isMember = viewer.roles.includes("member");
  const open = await findOpenRequest(db, viewer.personId);
  const mentorsList = isMember ? await listMentorsToAvoid(db) : [];
  const line = open && open.status === "waiting" ? await placeInLine(db, open, clock()) : null;
  return {
    isMember,
    csrf: viewer.csrfToken,
    name: viewer.name,
    open: open
      ? {
          status: open.status,
          values: {
            name: open.name,
            goals: open.goals,
            topics: open.topics.join(","),
            targetSpecialties: open.targetSpecialties.join(","),
            preferredStates: open.preferredStates.join(", "),
            language: open.language,
            availability: open.availability.join(","),
            practiceSettings: open.practiceSettings.join(","),
            avoid: mentorsList
              .filter((m) => open.avoidMentorIds.includes(m.id))
              .map((m) => m.publicId)
              .join(","),
          } as Record<string, string>,
        }
      : null,
    line: line ? { place: line.place, waiting: line.waiting, wait: waitInWords(line.estimate) } : null,
    mentors: mentorsList.map((m) => [m.publicId, `${m.name} (${m.specialty})`] as [string, string]),
    mentorships: await menteeMentorships(db, viewer.personId),
  };
}

export async function action(args: Route.ActionArgs) {
  const viewer = await requireViewer(args);
  const formData = await args.request.formData();
  verifyCsrf(viewer, formData);
  const { db, clock } = args.context.services;
  if (formData.get("intent") === "withdraw") {
    return withAppErrors({}, async () => {
      await withdrawMenteeRequest(db, viewer.personId, clock());
      return redirect("/account/mentor");
    });
  }
  const form = parseForm(formData, menteeRequestSchema, { repeated: menteeFormRepeated });
  if (!form.ok) return form.response;
  return withAppErrors(form.values, async () => {
    await saveMenteeRequest(db, viewer, form.value, clock());
    return { saved: true as const };
  });
}

const statusWords: Record<string, string> = { introduced: "Waiting for the mentor's answer", active: "Active", ended: "Ended" };

export default function AskForMentor({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  const { isMember, open, line } = loaderData;
  if (!isMember) {
    return (
      <div className="page narrow">
        <h1>Ask for a mentor</h1>
        <p className="lead">Mentorship is for approved members. Once your membership is approved, you can ask for a mentor here.</p>
        <p>
          <Link to="/join">How to become a member</Link>
        </p>
      </div>
    );
  }
  const values = failure.failed ? failure.values : (open?.values ?? { name: loaderData.name, language: "English" });
  const errors = failure.fieldErrors;
  return (
    <div className="page narrow">
      <h1>Ask for a mentor</h1>
      <p className="lead">
        Volunteer physicians mentor members one to one: your application strategy, personal statement, interviews and more. Tell us what you need; we match you with someone who fits.
      </p>
      {actionData && "saved" in actionData ? (
        <p className="alert alert-success" role="status">
          Your request is saved.
        </p>
      ) : null}
      {line ? (
        <section aria-labelledby="line-heading">
          <h2 id="line-heading">Your place in line</h2>
          <p>
            You are number {line.place} of the {line.waiting} {line.waiting === 1 ? "member" : "members"} waiting. {line.wait}
          </p>
          <p className="hint">Matching depends on fit too: someone who waited longer may be matched after you, and you after them.</p>
        </section>
      ) : null}
      {open?.status === "introduced" ? <p>A mentor has been proposed to you and has been asked to accept; see below.</p> : null}
      {loaderData.mentorships.length ? (
        <section>
          <h2>Your mentorships</h2>
          <ul>
            {loaderData.mentorships.map((m) => (
              <li key={m.publicId}>
                <Link to={`/mentorships/${m.publicId}`}>
                  {m.mentorName} ({m.specialty})
                </Link>
                : {statusWords[m.status]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!open || open.status === "waiting" ? (
        <section>
          <h2>{open ? "Update your request" : "Your request"}</h2>
          <FormAlert message={formAlertOf(failure)} />
          <Form method="post" noValidate className="stack-form">
            <CsrfField token={loaderData.csrf} />
            <FormField name="name" label="Your name, as your mentor will see it" defaultValue={values.name} error={errors.name} maxLength={120} />
            <FormField name="goals" label="What you hope a mentor helps with" multiline rows={4} defaultValue={values.goals} error={errors.goals} maxLength={2000} />
            <CheckGroup name="topics" legend="Topics" options={topicKeys.map((t) => [t, capital(topicLabels[t])])} checked={values.topics} error={errors.topics} />
            <CheckGroup
              name="targetSpecialties"
              legend="Specialties you aim for (up to 3)"
              options={specialties.map((s) => [s, s])}
              checked={values.targetSpecialties}
              error={errors.targetSpecialties}
            />
            <FormField
              name="preferredStates"
              label="States where you hope to train"
              required={false}
              defaultValue={values.preferredStates}
              error={errors.preferredStates}
              hint="Two-letter codes separated by commas, like NY, NJ."
              maxLength={60}
            />
            <FormField name="language" label="The language you would like to be mentored in" defaultValue={values.language} error={errors.language} maxLength={40} />
            <CheckGroup
              name="availability"
              legend="When you are usually free"
              options={availabilityKeys.map((a) => [a, capital(availabilityLabels[a])])}
              checked={values.availability}
              error={errors.availability}
            />
            <CheckGroup
              name="practiceSettings"
              legend="Practice settings that interest you (optional)"
              options={practiceSettings.map((s) => [s, capital(practiceSettingLabels[s])])}
              checked={values.practiceSettings}
              error={errors.practiceSettings}
            />
            {loaderData.mentors.length ? (
              <CheckGroup
                name="avoid"
                legend="Mentors you would rather not be matched with (optional)"
                options={loaderData.mentors}
                checked={values.avoid}
                error={errors.avoid}
                hint="Only you and staff see this; the mentor is never told."
              />
            ) : null}
            <button type="submit">{open ? "Save changes" : "Ask for a mentor"}</button>
          </Form>
          {open ? (
            <Form method="post" className="inline-form">
              <CsrfField token={loaderData.csrf} />
              <button type="submit" name="intent" value="withdraw" className="secondary">
                Withdraw my request
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
