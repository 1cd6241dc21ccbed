import { Form, Link } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { requireViewer, verifyCsrf } from "~/app/session.server";
import { setOwnPause } from "~/domains/mentorship/manage-mentors.server";
import { mentorArea } from "~/domains/mentorship/mentorships.server";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/mentoring";

// The mentor's own area: their status, a pause switch, introductions to answer and their mentees.
// A person who is not a mentor sees how to become one.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Your mentoring")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  return { area: await mentorArea(args.context.services.db, viewer.personId), csrf: viewer.csrfToken };
}

export async function action(args: Route.ActionArgs) {
  const viewer = await requireViewer(args);
  const formData = await args.request.formData();
  verifyCsrf(viewer, formData);
  const paused = formData.get("intent") === "pause";
  await setOwnPause(args.context.services.db, viewer.personId, paused, args.context.services.clock());
  return { paused };
}

const statusWords: Record<string, string> = {
  introduced: "Waiting for your answer",
  active: "Active",
  declined: "You declined",
  expired: "Not answered in time",
  ended: "Ended",
};

export default function Mentoring({ loaderData, actionData }: Route.ComponentProps) {
  const { area, csrf } = loaderData;
  if (!area) {
    return (
      <div className="page narrow">
        <h1>Your mentoring</h1>
        <p className="lead">You have not offered to mentor with this account.</p>
        <p>
          <Link to="/mentors">Volunteer as a mentor</Link>
        </p>
      </div>
    );
  }
  const { mentor, mentorships } = area;
  const waiting = mentorships.filter((m) => m.status === "introduced");
  const current = mentorships.filter((m) => m.status === "active");
  const past = mentorships.filter((m) => m.status !== "introduced" && m.status !== "active");
  return (
    <div className="page narrow">
      <h1>Your mentoring</h1>
      <p className="lead">
        {mentor.status === "awaiting-approval"
          ? "Thank you for offering to mentor. Our staff will review your offer; we e-mail you when you are approved."
          : mentor.status === "declined"
            ? "Our staff could not take up your offer to mentor at this time."
            : `You mentor up to ${mentor.capacity} ${mentor.capacity === 1 ? "person" : "people"} at once (${mentor.specialty}).`}
      </p>
      <p>
        <Link to="/mentoring/details">Change your details</Link>: specialty, states, topics, how many mentees, when you are free, languages.
      </p>
      {actionData ? (
        <p className="alert alert-success" role="status">
          {actionData.paused ? "Paused: no new mentees are proposed to you until you take them again." : "You take new mentees again."}
        </p>
      ) : null}
      {mentor.status === "approved" ? (
        <Form method="post" className="inline-form">
          <CsrfField token={csrf} />
          {mentor.pausedBySelf ? (
            <>
              <p>You have paused: no new mentees are proposed to you.</p>
              <button type="submit" name="intent" value="resume">
                Take new mentees again
              </button>
            </>
          ) : (
            <button type="submit" name="intent" value="pause" className="secondary">
              Pause: no new mentees for now
            </button>
          )}
          {mentor.pausedByStaff ? <p>Staff have paused new proposals to you.</p> : null}
        </Form>
      ) : null}
      <h2>Introductions to answer</h2>
      {waiting.length ? (
        <ul>
          {waiting.map((m) => (
            <li key={m.publicId}>
              <Link to={`/mentorships/${m.publicId}`}>{m.menteeName}</Link>: {m.reasons.join("; ")}
            </li>
          ))}
        </ul>
      ) : (
        <p>None at the moment.</p>
      )}
      <h2>Your mentees</h2>
      {current.length ? (
        <ul>
          {current.map((m) => (
            <li key={m.publicId}>
              <Link to={`/mentorships/${m.publicId}`}>{m.menteeName}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>No current mentees.</p>
      )}
      {past.length ? (
        <>
          <h2>Earlier</h2>
          <ul>
            {past.map((m) => (
              <li key={m.publicId}>
                {m.status === "ended" ? <Link to={`/mentorships/${m.publicId}`}>{m.menteeName}</Link> : m.menteeName}: {statusWords[m.status]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
