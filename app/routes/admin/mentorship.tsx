import { Form, Link, redirect } from "react-router";
import { CsrfField } from "~/app/components/csrf-field";
import { FormAlert } from "~/app/components/form-alert";
import { SelectField } from "~/app/components/form-field";
import { TableScroll } from "~/app/components/table-scroll";
import { formatDateTime } from "~/app/format";
import { formAlertOf, formFailureOf, formFailure, withAppErrors } from "~/app/form-data";
import { actorOf, requireStaff } from "~/app/session.server";
import { listMentorsWithLoad, listRounds, listWaiting, mentorshipDashboard } from "~/domains/mentorship/queries.server";
import { matchByHand, runRound } from "~/domains/mentorship/run-round.server";
import { getMatchSettings, matchSettingsSchema, updateMatchSettings } from "~/domains/mentorship/settings.server";
import { nudgeMentorship } from "~/domains/mentorship/nudge-mentorship.server";
import { redirectWithFlash } from "~/app/flash.server";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/mentorship";
import { confirmations } from "./confirmations";

// The mentorship console: the dashboard (waiting list, capacity, active and stalled mentorships,
// feedback, outcomes; counts under 10 in words), running a round, matching by hand, the weights.
export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Mentorship", "staff")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { db, clock } = args.context.services;
  const [dashboard, rounds, waiting, mentors, settings] = await Promise.all([mentorshipDashboard(db, clock()), listRounds(db), listWaiting(db), listMentorsWithLoad(db), getMatchSettings(db)]);
  return {
    csrf: viewer.csrfToken,
    dashboard,
    rounds: rounds.map((r) => ({ publicId: r.publicId, status: r.status, createdAt: r.createdAt, waiting: r.waiting, proposed: r.exactMatched, exactTotal: r.exactTotal, greedyTotal: r.greedyTotal })),
    waiting: waiting.map((w) => [w.publicId, `${w.name}, waiting since ${w.waitingSince.toISOString().slice(0, 10)}`] as [string, string]),
    mentors: mentors.filter((m) => m.status === "approved" && !m.paused && m.load < m.capacity).map((m) => [m.publicId, `${m.name} (${m.specialty}), ${m.capacity - m.load} free`] as [string, string]),
    settings: { ...settings.weights, respondDays: settings.respondDays } as Record<string, number>,
  };
}

const weightLabels: [string, string][] = [
  ["sameSpecialty", "Same specialty"],
  ["relatedSpecialty", "Related specialty"],
  ["topics", "All topics covered"],
  ["state", "Licensed in a preferred state"],
  ["language", "Speaks the mentee's language"],
  ["availability", "All times shared"],
  ["practiceSetting", "Practice setting of interest"],
  ["selectionCommittee", "Selection-committee experience (for applications or interviews)"],
  ["perWeekWaiting", "Points per week waiting"],
  ["waitingCapWeeks", "Waiting points stop after (weeks)"],
  ["minimumFit", "Least fit to be proposed (points)"],
  ["respondDays", "Days a mentor has to answer"],
];

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireStaff(args, formData);
  const actor = actorOf(viewer, args.context);
  const { services } = args.context;
  const intent = formData.get("intent");
  const values = Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === "string"));
  if (intent === "run") {
    const objective = values.objective === "count-then-score" ? "count-then-score" : "score";
    const { publicId } = await runRound(services.db, actor, { objective }, services.clock());
    return redirect(`/admin/mentorship/rounds/${publicId}`);
  }
  if (intent === "nudge") {
    return withAppErrors({}, async () => {
      const pair = await nudgeMentorship(services, actor, String(values.mentorship ?? "").slice(0, 40));
      return redirectWithFlash("/admin/mentorship", confirmations.nudgeSent(pair.mentorName, pair.menteeName), args.context);
    });
  }
  if (intent === "match") {
    if (!values.request || !values.mentor)
      return formFailure(values, { fieldErrors: { ...(values.request ? {} : { request: "Please choose a member." }), ...(values.mentor ? {} : { mentor: "Please choose a mentor." }) } });
    return withAppErrors(values, async () => {
      await matchByHand(services, actor, { requestPublicId: values.request, mentorPublicId: values.mentor });
      return { done: "Both have been introduced by e-mail; the mentor has been asked to accept." };
    });
  }
  const parsed = matchSettingsSchema.safeParse(Object.fromEntries(weightLabels.map(([k]) => [k, Number(values[k])])));
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), "Please enter a whole number in range (0 to 100 points; days 1 to 30)."]));
    return formFailure(values, { fieldErrors });
  }
  await updateMatchSettings(services.db, actor, parsed.data, services.clock());
  return { done: "The weights are saved; the next round uses them." };
}

export default function MentorshipConsole({ loaderData, actionData }: Route.ComponentProps) {
  const { dashboard: d, csrf } = loaderData;
  const failure = formFailureOf(actionData);
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <>
      <h1>Mentorship</h1>
      <p>
        <Link to="/admin/mentorship/mentors">Mentors: approve, pause, see their load</Link>
      </p>
      {done ? (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      ) : null}
      <FormAlert message={formAlertOf(failure)} />
      <section>
        <h2>Run a matching round</h2>
        <p>
          The round proposes the best total fit for everyone waiting, within every mentor's free places, and shows it next to a simple greedy matching. Nothing is sent until you confirm it. With the
          best total fit, someone may wait while a mentor is free when no mentor fits them well; with the most matches, everyone who fits anyone is matched first.
        </p>
        <Form method="post" className="inline-form">
          <CsrfField token={csrf} />
          <SelectField
            name="objective"
            label="Aim"
            options={[
              ["score", "Best total fit"],
              ["count-then-score", "Most matches, then fit"],
            ]}
            value="score"
            placeholder={null}
          />
          <button type="submit" name="intent" value="run">
            Run a round
          </button>
        </Form>
        {loaderData.rounds.length ? (
          <TableScroll label="Rounds">
            <table className="data-table">
              <caption>Recent rounds</caption>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Status</th>
                  <th scope="col">Waiting</th>
                  <th scope="col">Proposed</th>
                  <th scope="col">Total fit (greedy)</th>
                </tr>
              </thead>
              <tbody>
                {loaderData.rounds.map((r) => (
                  <tr key={r.publicId}>
                    <td>
                      <Link to={`/admin/mentorship/rounds/${r.publicId}`}>{formatDateTime(r.createdAt)}</Link>
                    </td>
                    <td>{r.status === "proposed" ? "Not confirmed" : r.status === "confirmed" ? "Confirmed" : "Discarded"}</td>
                    <td>{r.waiting}</td>
                    <td>{r.proposed}</td>
                    <td>
                      {r.exactTotal} ({r.greedyTotal})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
      <section>
        <h2>Match by hand</h2>
        <Form method="post" noValidate className="stack-form">
          <CsrfField token={csrf} />
          <SelectField name="request" label="Member waiting" options={loaderData.waiting} value={failure.values.request} error={failure.fieldErrors.request} placeholder="Choose…" />
          <SelectField name="mentor" label="Mentor with a free place" options={loaderData.mentors} value={failure.values.mentor} error={failure.fieldErrors.mentor} placeholder="Choose…" />
          <button type="submit" name="intent" value="match">
            Introduce them
          </button>
        </Form>
      </section>
      <section>
        <h2>Waiting list</h2>
        <p>{d.waiting.total} waiting.</p>
        <ul>
          {d.waiting.buckets.map((b) => (
            <li key={b.label}>
              Waiting {b.label}: {b.count}
            </li>
          ))}
        </ul>
        <h3>Topics most needed</h3>
        <ul>
          {d.topics.map((t) => (
            <li key={t.label}>
              {t.label}: {t.count}
            </li>
          ))}
        </ul>
        {d.states.length ? (
          <>
            <h3>Preferred states</h3>
            <ul>
              {d.states.map((s) => (
                <li key={s.label}>
                  {s.label}: {s.count}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section>
        <h2>Mentors and mentorships</h2>
        <ul>
          <li>
            Approved mentors: {d.capacity.mentors}; places used: {d.capacity.used} of {d.capacity.places}
          </li>
          <li>Waiting for a mentor's answer: {d.mentorships.introduced}</li>
          <li>Active: {d.mentorships.active}</li>
          <li>Ended: {d.mentorships.ended}</li>
          <li>Stalled (no meeting logged in six weeks; both are nudged by e-mail once every six weeks, or when you send a nudge below): {d.stalled.count}</li>
        </ul>
        {d.stalled.list.length ? (
          <>
            <h3>Stalled mentorships</h3>
            <ul className="stalled-list">
              {d.stalled.list.map((s) => (
                <li key={s.publicId}>
                  {s.mentorName} and {s.menteeName}: last meeting {s.lastMeetingOn ?? "none logged"}; nudged {s.nudgedAt ? formatDateTime(s.nudgedAt) : "not yet"}.{" "}
                  {s.mayNudge ? (
                    <Form method="post" className="inline-form">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="mentorship" value={s.publicId} />
                      <button type="submit" name="intent" value="nudge" className="button-small" aria-label={`Send a nudge to ${s.mentorName} and ${s.menteeName}`}>
                        Send a nudge
                      </button>
                    </Form>
                  ) : (
                    <span className="hint">Nudged in the last week.</span>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section>
        <h2>Feedback</h2>
        {d.feedback.length ? (
          <ul>
            {d.feedback.map((f) => (
              <li key={`${f.side}-${f.stage}`}>
                {f.side} {f.stage}: {f.count} answers, average {f.average}
              </li>
            ))}
          </ul>
        ) : (
          <p>No feedback yet.</p>
        )}
        <h2>Outcomes</h2>
        <p>Members' recorded match cycles (withdrawals left out), mentored before that cycle or not:</p>
        <ul>
          <li>
            Mentored: {d.outcomes.mentored.count} cycles, matched {d.outcomes.mentored.matched}
          </li>
          <li>
            Not mentored: {d.outcomes.rest.count} cycles, matched {d.outcomes.rest.matched}
          </li>
        </ul>
      </section>
      <section>
        <h2>Weights of the matching</h2>
        <Form method="post" noValidate className="stack-form">
          <CsrfField token={csrf} />
          {weightLabels.map(([key, label]) => (
            <div key={key} className={`field${failure.fieldErrors[key] ? " field-error" : ""}`}>
              <label htmlFor={`field-${key}`}>{label}</label>
              <input
                id={`field-${key}`}
                name={key}
                inputMode="numeric"
                defaultValue={failure.values[key] ?? String(loaderData.settings[key])}
                maxLength={4}
                aria-invalid={failure.fieldErrors[key] ? true : undefined}
              />
              {failure.fieldErrors[key] ? <p className="error-message">{failure.fieldErrors[key]}</p> : null}
            </div>
          ))}
          <button type="submit" name="intent" value="weights">
            Save the weights
          </button>
        </Form>
      </section>
    </>
  );
}
