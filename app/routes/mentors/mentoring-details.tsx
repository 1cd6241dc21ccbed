import { data, Form, Link } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { MentorDetailsFields } from "~/app/components/mentor-details-fields";
import { formAlertOf, formFailureOf, parseForm, withAppErrors } from "~/app/form-data";
import { pageTitle } from "~/app/page-title";
import { actorOf, requireViewer, verifyCsrf } from "~/app/session.server";
import { findOwnMentorDetails, updateMentorDetails } from "~/domains/mentorship/manage-mentors.server";
import { messages } from "~/domains/mentorship/messages";
import { mentorDetailsSchema, mentorDetailsValues, mentorFormRepeated } from "~/domains/mentorship/mentorship.schema";
import { mentorFormChoices } from "~/domains/mentorship/vocabulary";
import type { Route } from "./+types/mentoring-details";

// A mentor changes their own details (what they offered when they volunteered, less the address,
// which is their account's): the next round uses them. Anyone who has not offered to mentor gets 404.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Your details as a mentor"), { name: "robots", content: "noindex" }];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  const own = await findOwnMentorDetails(args.context.services.db, viewer.personId);
  if (!own) throw data({ message: messages.notAMentor }, { status: 404 });
  return { csrf: viewer.csrfToken, values: mentorDetailsValues(own.details) };
}

export async function action(args: Route.ActionArgs) {
  const viewer = await requireViewer(args);
  const formData = await args.request.formData();
  verifyCsrf(viewer, formData);
  const form = parseForm(formData, mentorDetailsSchema, { repeated: mentorFormRepeated });
  if (!form.ok) return form.response;
  const { db, clock } = args.context.services;
  return withAppErrors(form.values, async () => {
    await updateMentorDetails(db, actorOf(viewer, args.context), { personId: viewer.personId }, form.value, clock());
    return { saved: true as const };
  });
}

export default function MentoringDetails({ loaderData, actionData }: Route.ComponentProps) {
  const failure = formFailureOf(actionData);
  const values = failure.failed ? failure.values : loaderData.values;
  return (
    <div className="page narrow">
      <h1>Your details as a mentor</h1>
      <p className="lead">We propose mentees from these details: change them whenever they change. The next matching round uses them; your current mentees stay with you.</p>
      {actionData && "saved" in actionData ? (
        <p className="alert alert-success" role="status">
          Your details are saved.
        </p>
      ) : null}
      <FormAlert message={formAlertOf(failure)} />
      <Form method="post" noValidate className="stack-form">
        <CsrfField token={loaderData.csrf} />
        <MentorDetailsFields
          values={values}
          errors={failure.fieldErrors}
          choices={mentorFormChoices}
          capacityHint="Fewer than your current mentees ends no mentorship: no one new is proposed until a place is free."
        />
        <button type="submit">Save my details</button>
      </Form>
      <p>
        <Link to="/mentoring">Back to your mentoring</Link>
      </p>
    </div>
  );
}
