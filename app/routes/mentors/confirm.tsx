import { data, Form, Link } from "react-router";
import { signedInRedirect } from "~/app/session.server";
import { tokenSchema } from "~/domains/email/email.schema";
import { confirmMentorApplication, findHeldMentorApplication } from "~/domains/mentorship/apply-as-mentor.server";
import { availabilityLabels, practiceSettingLabels, topicLabels, type Availability, type PracticeSetting, type Topic } from "~/domains/mentorship/vocabulary";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/confirm";

// The e-mailed link of a volunteer offer: the page shows what will be stored and a button; the POST
// confirms the address, creates the account, signs this browser in and stores the mentor.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Confirm your offer to mentor"), { name: "robots", content: "noindex" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const held = token.success ? await findHeldMentorApplication(context.services.db, token.data, context.services.clock()) : null;
  if (!held || !token.success) return { token: null, summary: null };
  const d = held.details;
  return {
    token: token.data,
    email: held.email,
    summary: [
      `Name: ${d.name}`,
      `Specialty: ${d.specialty}${d.boardCertified ? ", board certified" : ""}`,
      `Licensed in: ${d.licenceStates.join(", ")}`,
      `Practice setting: ${practiceSettingLabels[d.practiceSetting as PracticeSetting]}, ${d.yearsInPractice} years in practice`,
      `Selection committee: ${d.selectionCommittee ? "yes" : "no"}`,
      `Languages: ${d.languages.join(", ") || "none given"}`,
      `Topics: ${d.topics.map((t) => topicLabels[t as Topic]).join(", ")}`,
      `Mentees at once: ${d.capacity}`,
      `Usually free: ${d.availability.map((a) => availabilityLabels[a as Availability]).join(", ")}`,
    ],
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = tokenSchema.safeParse((await request.formData()).get("token"));
  const outcome = token.success
    ? await confirmMentorApplication({ ...context.services, token: token.data, ip: context.clientIp, userAgent: request.headers.get("user-agent") })
    : { ok: false as const };
  if (!outcome.ok) return data({ failed: true as const }, { status: 400 });
  throw signedInRedirect(outcome, "/mentoring", context);
}

export default function ConfirmMentor({ loaderData, actionData }: Route.ComponentProps) {
  if (!loaderData.token || !loaderData.summary || actionData?.failed) {
    return (
      <div className="page narrow">
        <h1>This link cannot be used</h1>
        <p className="lead">It has already been used or has expired (links work once, for 3 days). If you used it before, your offer was received then: sign in to see it.</p>
        <p>
          <Link to="/sign-in?next=/mentoring">Sign in</Link> or <Link to="/mentors">send the form again</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Confirm your offer to mentor</h1>
      <p className="lead">Press the button to confirm {loaderData.email}: it creates your account (or uses the one you have), signs you in and sends these answers to our staff for approval.</p>
      <ul>
        {loaderData.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Form method="post">
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit">Confirm and sign in</button>
      </Form>
      <p className="hint">Not you? Close this page: nothing is stored.</p>
    </div>
  );
}
