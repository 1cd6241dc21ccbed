import { Form, Link, redirect } from "react-router";
import { FormAlert } from "~/app/components/form-alert";
import { FormField, HoneypotField } from "~/app/components/form-field";
import { MentorDetailsFields } from "~/app/components/mentor-details-fields";
import { formAlertOf, formFailureOf, parseForm, passActionHeaders, rateLimitedForm } from "~/app/form-data";
import { formStamp, isBotLike } from "~/app/form-stamp.server";
import { applyAsMentor } from "~/domains/mentorship/apply-as-mentor.server";
import { messages } from "~/domains/mentorship/messages";
import { mentorApplicationSchema, mentorFormRepeated } from "~/domains/mentorship/mentorship.schema";
import { mentorFormChoices } from "~/domains/mentorship/vocabulary";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/mentors";

// The public page for physicians who volunteer as mentors: what it involves, and the offer form.
// Nothing is stored in anyone's name before the e-mailed link is opened (decision 0012).
const description = "Physicians: mentor a US-citizen doctor who has not yet matched into residency.";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Volunteer as a mentor"), { name: "description", content: description }];

export async function loader({ context }: Route.LoaderArgs) {
  return { stamp: await formStamp(context), seo: { title: "Volunteer as a mentor", description } };
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
        <MentorDetailsFields
          values={values}
          errors={errors}
          choices={mentorFormChoices}
          afterName={
            <FormField
              name="email"
              label="Your e-mail"
              type="email"
              autoComplete="email"
              error={errors.email}
              defaultValue={values.email}
              hint="We e-mail you a link: opening it confirms the address and creates your account."
            />
          }
        />
        <HoneypotField />
        <button type="submit">Offer to mentor</button>
      </Form>
    </div>
  );
}
