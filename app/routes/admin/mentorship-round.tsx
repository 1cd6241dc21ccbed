import { data, Form, Link, redirect } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { TableScroll } from "~/app/components/table-scroll";
import { formatDateTime } from "~/app/format";
import { formAlertOf, formFailureOf, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { listMentorsWithLoad, roundDetail } from "~/domains/mentorship/queries.server";
import { changeProposal, confirmRound, discardRound } from "~/domains/mentorship/run-round.server";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/mentorship-round";

// One round's proposals with their reasons and the totals against greedy: staff change or reject any,
// then confirm (both people are introduced by e-mail) or discard. Before that nobody sees them.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Matching round", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db } = args.context.services;
  const detail = await roundDetail(db, args.params.publicId);
  if (!detail) throw data({ message: "No such round." }, { status: 404 });
  const mentors = (await listMentorsWithLoad(db)).filter((m) => m.status === "approved");
  return {
    csrf: viewer.csrfToken,
    round: { ...detail.round, weights: undefined },
    proposals: detail.proposals.map((p) => ({ ...p, waitingSince: p.waitingSince.toISOString().slice(0, 10) })),
    mentors: mentors.map((m) => [m.publicId, `${m.name} (${m.specialty}), ${m.load} of ${m.capacity}`] as [string, string]),
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const actor = actorOf(viewer, args.context);
  const { services } = args.context;
  const roundPublicId = args.params.publicId;
  const intent = formData.get("intent");
  const values = { intent: String(intent ?? "") };
  return withAppErrors(values, async () => {
    if (intent === "confirm") {
      const { introduced, skipped } = await confirmRound(services, actor, roundPublicId);
      return {
        done: `Confirmed: ${introduced} ${introduced === 1 ? "pair" : "pairs"} introduced by e-mail${skipped ? `; ${skipped} skipped (the member or the mentor changed since the round)` : ""}.`,
      };
    }
    if (intent === "discard") {
      await discardRound(services.db, actor, roundPublicId);
      return redirect("/admin/mentorship");
    }
    const requestPublicId = String(formData.get("request") ?? "").slice(0, 40);
    const mentorPublicId = intent === "reject" ? "" : String(formData.get("mentor") ?? "").slice(0, 40);
    await changeProposal(services.db, actor, { roundPublicId, requestPublicId, mentorPublicId }, services.clock());
    return { done: intent === "reject" ? "Rejected: that member stays in line." : "Changed." };
  });
}

const statusWords: Record<string, string> = { proposed: "Proposed", changed: "Changed by staff", rejected: "Rejected" };

export default function Round({ loaderData, actionData }: Route.ComponentProps) {
  const { round, proposals, csrf } = loaderData;
  const failure = formFailureOf(actionData);
  const done = actionData && "done" in actionData ? actionData.done : null;
  const open = round.status === "proposed";
  const gain = round.exactTotal - round.greedyTotal;
  return (
    <>
      <h1>Matching round of {formatDateTime(round.createdAt)}</h1>
      <p>
        <Link to="/admin/mentorship">Back to mentorship</Link>
      </p>
      {done ? (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      ) : null}
      <FormAlert message={formAlertOf(failure)} />
      <ul>
        <li>{round.status === "proposed" ? "Not confirmed: nobody has been told." : round.status === "confirmed" ? `Confirmed ${formatDateTime(round.confirmedAt)}.` : "Discarded."}</li>
        <li>
          {round.waiting} waiting, {round.openPlaces} free places, {round.candidatePairs} pairs that fit at all.
        </li>
        <li>
          Total fit of this round: {round.exactTotal} points for {round.exactMatched} {round.exactMatched === 1 ? "pair" : "pairs"}; a greedy matching (best pair first) would give {round.greedyTotal}{" "}
          for {round.greedyMatched} ({gain > 0 ? `${gain} points better` : "the same"}).
        </li>
        <li>Aim: {round.objective === "score" ? "the best total fit" : "as many matches as possible, then the best fit"}.</li>
      </ul>
      {open ? (
        <Form method="post" className="inline-form">
          <CsrfField token={csrf} />
          <button type="submit" name="intent" value="confirm">
            Confirm and introduce everyone not rejected
          </button>
          <button type="submit" name="intent" value="discard" className="secondary">
            Discard this round
          </button>
        </Form>
      ) : null}
      <TableScroll label="Proposed matches">
        <table className="data-table">
          <caption className="visually-hidden">Proposed matches with their reasons</caption>
          <thead>
            <tr>
              <th scope="col">Member (waiting since)</th>
              <th scope="col">Mentor</th>
              <th scope="col">Fit and why</th>
              <th scope="col">Status</th>
              {open ? <th scope="col">Change</th> : null}
            </tr>
          </thead>
          <tbody>
            {proposals.map((p) => (
              <tr key={p.requestPublicId}>
                <td>
                  {p.menteeName} ({p.waitingSince})
                </td>
                <td>
                  {p.mentorName} ({p.specialty})
                </td>
                <td>
                  {p.score} points: {p.reasons.join("; ")}
                </td>
                <td>{statusWords[p.status]}</td>
                {open ? (
                  <td>
                    <Form method="post" className="inline-form">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="request" value={p.requestPublicId} />
                      <label>
                        <span className="visually-hidden">Another mentor for {p.menteeName}</span>
                        <select name="mentor" defaultValue={p.mentorPublicId}>
                          {loaderData.mentors.map(([id, label]) => (
                            <option key={id} value={id}>
                              {label}
                            </option>
                          ))}
                        </select>
                      </label>
                      <button type="submit" name="intent" value="change">
                        Change
                      </button>
                      <button type="submit" name="intent" value="reject" className="secondary">
                        Reject
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
