import { Form, Link } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { type Column, DataTable } from "~/app/components/data-table";
import { FormAlert } from "~/app/components/form-alert";
import { redirectWithFlash } from "~/app/flash.server";
import { formFailureOf, withAppErrors } from "~/app/form-data";
import { pageTitle } from "~/app/page-title";
import { actorOf, requireStaff } from "~/app/session.server";
import { decideMentor, type MentorDecision } from "~/domains/mentorship/manage-mentors.server";
import { listMentorsWithLoad } from "~/domains/mentorship/queries.server";
import type { Route } from "./+types/mentorship-mentors";
import { confirmations } from "./confirmations";

// Staff's list of mentors: approve or decline an offer, pause or resume, each one's load, and a link
// to change their details.
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
    return redirectWithFlash("/admin/mentorship/mentors", confirmations.mentorDecided[decision], args.context);
  });
}

const statusWords: Record<string, string> = { "awaiting-approval": "Awaiting approval", approved: "Approved", declined: "Declined" };

type Mentor = Route.ComponentProps["loaderData"]["mentors"][number];

export default function MentorsConsole({ loaderData, actionData }: Route.ComponentProps) {
  const columns: Column<Mentor>[] = [
    {
      key: "mentor",
      header: "Mentor",
      cell: (m) => (
        <>
          <Link to={`/admin/mentorship/mentors/${m.publicId}`} aria-label={`${m.name}: change their details`}>
            {m.name}
          </Link>
          <br />
          <span className="hint">{m.email}</span>
        </>
      ),
    },
    {
      key: "specialty",
      header: "Specialty and states",
      cell: (m) => (
        <>
          {m.specialty}
          {m.boardCertified ? ", board certified" : ""}; {m.states.join(", ")}; {m.years} years
          {m.selectionCommittee ? "; selection committee" : ""}
        </>
      ),
    },
    { key: "status", header: "Status", cell: (m) => `${statusWords[m.status]}${m.paused ? `, paused ${m.paused}` : ""}` },
    { key: "load", header: "Mentees (of capacity)", cell: (m) => `${m.load} of ${m.capacity}` },
    {
      key: "change",
      header: "Change",
      hiddenHeader: true,
      cell: (m) => (
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
      ),
    },
  ];
  return (
    <>
      <h1>Mentors</h1>
      <p>
        <Link to="/admin/mentorship">Back to mentorship</Link>
      </p>
      <FormAlert message={formFailureOf(actionData).formError} />
      <DataTable
        caption="Mentors and their load"
        columns={columns}
        rows={loaderData.mentors}
        rowKey={(m) => m.publicId}
        query={{}}
        empty="No one has offered to mentor yet. The public page is /mentors."
      />
    </>
  );
}
