import { pageTitle } from "~/app/page-title";
import { Form, Link } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { TableScroll } from "~/app/components/table-scroll";
import { withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { decideMentor, type MentorDecision } from "~/domains/mentorship/manage-mentors.server";
import { listMentorsWithLoad } from "~/domains/mentorship/queries.server";
import type { Route } from "./+types/mentorship-mentors";

// Staff's list of mentors: approve or decline an offer, pause or resume, and each one's load.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Mentors", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  return { csrf: viewer.csrfToken, mentors: await listMentorsWithLoad(args.context.services.db) };
}

const decisions: MentorDecision[] = ["approve", "decline", "pause", "resume"];

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const decision = decisions.find((d) => d === formData.get("intent"));
  const mentorPublicId = String(formData.get("mentor") ?? "").slice(0, 40);
  if (!decision || !mentorPublicId) return { done: null };
  return withAppErrors({}, async () => {
    await decideMentor(args.context.services, actorOf(viewer, args.context), { mentorPublicId, decision });
    return { done: decision };
  });
}

const statusWords: Record<string, string> = { "awaiting-approval": "Awaiting approval", approved: "Approved", declined: "Declined" };

export default function MentorsConsole({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <h1>Mentors</h1>
      <p>
        <Link to="/admin/mentorship">Back to mentorship</Link>
      </p>
      {loaderData.mentors.length === 0 ? (
        <p>
          No one has offered to mentor yet. The public page is <Link to="/mentors">/mentors</Link>.
        </p>
      ) : null}
      <TableScroll label="Mentors">
        <table className="data-table">
          <caption className="visually-hidden">Mentors and their load</caption>
          <thead>
            <tr>
              <th scope="col">Mentor</th>
              <th scope="col">Specialty and states</th>
              <th scope="col">Status</th>
              <th scope="col">Mentees (of capacity)</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.mentors.map((m) => (
              <tr key={m.publicId}>
                <td>
                  {m.name}
                  <br />
                  <span className="hint">{m.email}</span>
                </td>
                <td>
                  {m.specialty}
                  {m.boardCertified ? ", board certified" : ""}; {m.states.join(", ")}; {m.years} years
                  {m.selectionCommittee ? "; selection committee" : ""}
                </td>
                <td>
                  {statusWords[m.status]}
                  {m.paused ? `, paused ${m.paused}` : ""}
                </td>
                <td>
                  {m.load} of {m.capacity}
                </td>
                <td>
                  <Form method="post" className="inline-form">
                    <CsrfField token={loaderData.csrf} />
                    <input type="hidden" name="mentor" value={m.publicId} />
                    {m.status !== "approved" ? (
                      <button type="submit" name="intent" value="approve" aria-label={`Approve ${m.name}`}>
                        Approve
                      </button>
                    ) : null}
                    {m.status === "awaiting-approval" ? (
                      <button type="submit" name="intent" value="decline" className="secondary" aria-label={`Decline ${m.name}`}>
                        Decline
                      </button>
                    ) : null}
                    {m.status === "approved" ? (
                      m.paused === "by staff" ? (
                        <button type="submit" name="intent" value="resume" aria-label={`Resume ${m.name}`}>
                          Resume
                        </button>
                      ) : (
                        <button type="submit" name="intent" value="pause" className="secondary" aria-label={`Pause ${m.name}`}>
                          Pause
                        </button>
                      )
                    ) : null}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
