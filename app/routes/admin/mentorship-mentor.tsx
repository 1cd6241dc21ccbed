import { data, Form, Link } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { MentorDetailsFields } from "~/app/components/mentor-details-fields";
import { redirectWithFlash } from "~/app/flash.server";
import { formAlertOf, formFailureOf, parseForm, withAppErrors } from "~/app/form-data";
import { pageTitle } from "~/app/page-title";
import { actorOf, requireStaff } from "~/app/session.server";
import { findMentorForStaff, updateMentorDetails } from "~/domains/mentorship/manage-mentors.server";
import { messages } from "~/domains/mentorship/messages";
import { mentorDetailsSchema, mentorDetailsValues, mentorFormRepeated } from "~/domains/mentorship/mentorship.schema";
import { mentorFormChoices } from "~/domains/mentorship/vocabulary";
import type { Route } from "./+types/mentorship-mentor";
import { confirmations } from "./confirmations";

// Staff change a mentor's details (for one who asked by e-mail, say), with the same form the mentor
// uses; the address is the account's and is changed on the person's page. Audited.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Mentor's details", "staff")];

const statusWords: Record<string, string> = { "awaiting-approval": "awaiting approval", approved: "approved", declined: "declined" };

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const mentor = await findMentorForStaff(args.context.services.db, args.params.publicId);
  if (!mentor) throw data({ message: messages.mentorNotFound }, { status: 404 });
  const paused = mentor.pausedByStaff ? "paused by staff" : mentor.pausedBySelf ? "paused by the mentor" : null;
  return {
    csrf: viewer.csrfToken,
    email: mentor.email,
    name: mentor.details.name,
    status: [statusWords[mentor.status], paused].filter(Boolean).join(", "),
    values: mentorDetailsValues(mentor.details),
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const form = parseForm(formData, mentorDetailsSchema, { repeated: mentorFormRepeated });
  if (!form.ok) return form.response;
  const { db, clock } = args.context.services;
  return withAppErrors(form.values, async () => {
    await updateMentorDetails(db, actorOf(viewer, args.context), { mentorPublicId: args.params.publicId }, form.value, clock());
    return redirectWithFlash("/admin/mentorship/mentors", confirmations.mentorSaved(form.value.name), args.context);
  });
}

export default function MentorDetailsConsole({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  const values = failure.failed ? failure.values : loaderData.values;
  return (
    <>
      <p>
        <Link to="/admin/mentorship/mentors">← Mentors</Link>
      </p>
      <h1>{loaderData.name}</h1>
      <p>
        {loaderData.email}; {loaderData.status}. Approve, pause or resume from the list of mentors.
      </p>
      <FormAlert message={formAlertOf(failure)} />
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={loaderData.csrf} />
        <MentorDetailsFields
          values={values}
          errors={failure.fieldErrors}
          choices={mentorFormChoices}
          voice="staff"
          capacityHint="Fewer than their current mentees ends no mentorship: no one new is proposed until a place is free."
        />
        <button type="submit">Save the details</button>
      </Form>
    </>
  );
}
