import { pageTitle } from "~/app/page-title";
import { Form, Link, redirect } from "react-router";
import { CheckGroup } from "~/app/components/check-group";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, HoneypotField, SelectField } from "~/app/components/form-field";
import { formAlertOf, formFailureOf, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { formStamp, isBotLike } from "~/app/form-stamp.server";
import { applyAsMentor } from "~/domains/mentorship/apply-as-mentor.server";
import { messages } from "~/domains/mentorship/messages";
import { mentorApplicationSchema, mentorFormRepeated } from "~/domains/mentorship/mentorship.schema";
import { availabilityKeys, availabilityLabels, practiceSettingLabels, practiceSettings, specialties, topicKeys, topicLabels } from "~/domains/mentorship/vocabulary";
import type { Route } from "./+types/mentors";

// The public page for physicians who volunteer as mentors: what it involves, and the offer form.
// Nothing is stored in anyone's name before the e-mailed link is opened (decision 0012).
export const meta: Route.MetaFunction = ({ matches }) => [
  pageTitle(matches, "Volunteer as a mentor"),
  { name: "description", content: "Physicians: mentor a US-citizen doctor who has not yet matched into residency." },
];

export async function loader({ context }: Route.LoaderArgs) {
  return { stamp: await formStamp(context) };
}

export const headers = passActionHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(await request.formData(), mentorApplicationSchema, { repeated: mentorFormRepeated });
  if (await isBotLike(form.values, context)) return redirect("/mentors/check-email");
  if (!form.ok) return form.response;
  const outcome = await applyAsMentor({ ...context.services, input: form.value, ip: context.clientIp });
  if (!outcome.ok) return rateLimitedForm(messages.rateLimited, outcome.retryAfterSeconds, form.values);
  return redirect("/mentors/check-email");
}

const yesNo: [string, string][] = [
  ["yes", "Yes"],
  ["no", "No"],
];

export default function Mentors({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  const { fieldErrors: errors, values } = failure;
  return (
    <div className="page narrow">
      <h1>Volunteer as a mentor</h1>
      <p className="lead">
        Many of our members are US-citizen doctors who have not matched into residency yet. An hour a month from a practising physician (reading a personal statement, a practice interview, a frank
        word on strategy) can change their next application.
      </p>
      <ul>
        <li>You choose how many mentees you take at once and the topics you help with; you can pause at any time.</li>
        <li>Staff approve every mentor; we propose mentees who fit, and you accept or decline each one.</li>
        <li>You and your mentee keep a shared page: goals, how often you meet, a meeting log and next steps.</li>
      </ul>
      <p>
        Already a mentor? <Link to="/mentoring">Open your mentor area</Link>.
      </p>
      <h2>Offer to mentor</h2>
      <FormAlert message={formAlertOf(failure)} />
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="rendered" value={loaderData.stamp} />
        <FormField name="name" label="Your name" autoComplete="name" error={errors.name} defaultValue={values.name} maxLength={120} />
        <FormField
          name="email"
          label="Your e-mail"
          type="email"
          autoComplete="email"
          error={errors.email}
          defaultValue={values.email}
          hint="We e-mail you a link: opening it confirms the address and creates your account."
        />
        <SelectField name="specialty" label="Your specialty" options={specialties.map((s) => [s, s])} value={values.specialty} error={errors.specialty} placeholder="Choose…" />
        <SelectField name="boardCertified" label="Board certified" options={yesNo} value={values.boardCertified ?? "yes"} error={errors.boardCertified} placeholder={null} />
        <FormField
          name="licenceStates"
          label="States where you hold a licence"
          error={errors.licenceStates}
          defaultValue={values.licenceStates}
          hint="Two-letter codes separated by commas, like NY, NJ."
          maxLength={60}
        />
        <SelectField
          name="practiceSetting"
          label="Your practice setting"
          options={practiceSettings.map((s) => [s, practiceSettingLabels[s][0].toUpperCase() + practiceSettingLabels[s].slice(1)])}
          value={values.practiceSetting}
          error={errors.practiceSetting}
          placeholder="Choose…"
        />
        <FormField name="yearsInPractice" label="Years in practice" error={errors.yearsInPractice} defaultValue={values.yearsInPractice} maxLength={3} />
        <SelectField
          name="selectionCommittee"
          label="Have you served on a residency selection committee?"
          options={yesNo}
          value={values.selectionCommittee ?? "no"}
          error={errors.selectionCommittee}
          placeholder={null}
        />
        <FormField
          name="languages"
          label="Languages you mentor in"
          error={errors.languages}
          defaultValue={values.languages ?? "English"}
          hint="Separated by commas, like English, Spanish."
          maxLength={200}
        />
        <CheckGroup
          name="topics"
          legend="Topics you can help with"
          options={topicKeys.map((t) => [t, topicLabels[t][0].toUpperCase() + topicLabels[t].slice(1)])}
          checked={values.topics}
          error={errors.topics}
        />
        <SelectField
          name="capacity"
          label="How many mentees at once"
          options={["1", "2", "3", "4", "5", "6", "8", "10"].map((n) => [n, n])}
          value={values.capacity ?? "2"}
          error={errors.capacity}
          placeholder={null}
        />
        <CheckGroup
          name="availability"
          legend="When you are usually free"
          options={availabilityKeys.map((a) => [a, availabilityLabels[a][0].toUpperCase() + availabilityLabels[a].slice(1)])}
          checked={values.availability}
          error={errors.availability}
        />
        <HoneypotField />
        <button type="submit">Offer to mentor</button>
      </Form>
    </div>
  );
}
