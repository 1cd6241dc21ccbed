import { Form, redirect } from "react-router";
import { describeUserAgent } from "~/domains/accounts/user-agent";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/account";
import { CsrfField } from "~/app/components/csrf-field";
import { formatDateTime } from "~/app/format";
import { actorOf, requireViewer, verifyCsrf } from "~/app/session.server";
import { hasRole } from "~/domains/accounts/rules";
import { requestAccountDeletion } from "~/domains/accounts/delete-account.server";
import { endOwnSession, listOwnSessions } from "~/domains/accounts/sessions.server";
import { listCycles } from "~/domains/membership/match-cycles.server";
import { profileCompleteness } from "~/domains/membership/profile";
import { findOwnApplication } from "~/domains/membership/queries.server";
import { labelOf, ownStatusLabels } from "~/domains/membership/labels";
import { siteSettingsFor } from "~/app/site-settings.server";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Your account")];

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireViewer(args);
  const { db } = args.context.services;
  const sessions = await listOwnSessions(db, viewer.personId, args.context.services.clock());
  // A member's home: how complete their profile is, and what AMG asks of them this week.
  // An applicant's: where the application stands, what the rules and the volunteer said.
  const application = await findOwnApplication(db, viewer.email);
  const isMember = viewer.roles.includes("member");
  const completeness = application && isMember ? profileCompleteness(application, (await listCycles(db, viewer.personId)).length) : null;
  const { organisation } = await siteSettingsFor(args.context);
  const applicant =
    application && !isMember && application.status !== "approved"
      ? {
          status: application.status,
          statusLabel: labelOf(ownStatusLabels, application.status),
          decision: application.decision,
          reasons: application.reasons.map((r) => ({ code: r.code, message: r.message })),
          note: application.status === "more-info-requested" || application.status === "rejected" ? application.reviewNote : null,
          sentAt: application.createdAt,
          changedAt: application.updatedAt,
        }
      : null;
  return {
    name: viewer.name,
    orgShortName: organisation.shortName,
    applicant,
    completeness,
    email: viewer.email,
    roles: viewer.roles,
    isStaff: hasRole(viewer.roles, "staff"),
    currentSession: viewer.sessionPublicId,
    sessions,
    csrf: viewer.csrfToken,
    hasSecondFactor: viewer.hasSecondFactor,
    deletionSent: new URL(args.request.url).searchParams.has("deletion"),
  };
}

export async function action(args: Route.ActionArgs) {
  const formData = await args.request.formData();
  const viewer = await requireViewer(args);
  verifyCsrf(viewer, formData);
  if (formData.get("intent") === "delete-account") {
    await requestAccountDeletion({ ...args.context.services, actor: actorOf(viewer, args.context) });
    return redirect("/account?deletion=sent");
  }
  await endOwnSession(args.context.services.db, actorOf(viewer, args.context), String(formData.get("session") ?? ""), args.context.services.clock());
  return redirect("/account");
}

type Applicant = NonNullable<Route.ComponentProps["loaderData"]["applicant"]>;

/** What the applicant can do next, by where the application stands. */
const nextStep: Record<Applicant["status"], string> = {
  "awaiting-review": "A volunteer doctor reviews it and writes to you, usually within a week. Until then you can correct your answers.",
  "more-info-requested": "Please correct your application with what the volunteer asks (or reply to their e-mail): it then goes back to review.",
  rejected: "You can correct your answers and apply again, or delete your account below.",
  ineligible: "If something was entered wrongly, correct your answers: the rules decide again, and a volunteer reviews the application.",
};

function ApplicationStatus({ applicant: a, org }: { applicant: Applicant; org: string }) {
  return (
    <section aria-labelledby="application-heading">
      <h2 id="application-heading">Your application</h2>
      <div className="application-status">
        <p>
          <strong>{a.statusLabel}</strong>
        </p>
        <p className="hint">
          Sent {formatDateTime(a.sentAt)}
          {a.changedAt.getTime() !== a.sentAt.getTime() ? `, last changed ${formatDateTime(a.changedAt)}` : ""}.
        </p>
      </div>
      <p>
        {a.decision === "eligible"
          ? `Your answers meet ${org}'s membership rules.`
          : a.decision === "needs-review"
            ? `Your answers meet ${org}'s membership rules, except what a volunteer must check with you:`
            : `Your answers do not meet ${org}'s membership rules:`}
      </p>
      {a.reasons.length ? (
        <ul>
          {a.reasons.map((r) => (
            <li key={r.code}>{r.message}</li>
          ))}
        </ul>
      ) : null}
      {a.note ? (
        <>
          <p>{a.status === "rejected" ? "What the volunteer wrote:" : "What the volunteer asks:"}</p>
          <blockquote className="review-note">{a.note}</blockquote>
        </>
      ) : null}
      <p>{nextStep[a.status]}</p>
      <p>
        <a className="button" href="/join/apply">
          {a.status === "rejected" ? "Correct my answers and apply again" : "Correct my application"}
        </a>
      </p>
      <p className="hint">An applicant is not a member yet: the member pages (profile, match cycles) open once a volunteer approves the application.</p>
    </section>
  );
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { email, roles, isStaff, sessions, currentSession, csrf, name, applicant } = loaderData;
  const described = roles.length ? roles.join(", ") : applicant ? "applicant" : "";
  return (
    <div className="page narrow">
      <h1>Your account</h1>
      <p className="lead">
        Signed in as {name ? <strong>{name}</strong> : null}
        {name ? `, ${email}` : <strong>{email}</strong>}
        {described ? ` (${described})` : ""}.
      </p>
      {applicant ? <ApplicationStatus applicant={applicant} org={loaderData.orgShortName} /> : null}
      {!applicant && !roles.length ? (
        <p>
          You have not applied for membership. Medical graduates can <a href="/join/apply">apply</a>.
        </p>
      ) : null}
      {isStaff ? (
        <p>
          <a className="button" href="/admin">
            Open the staff console
          </a>
        </p>
      ) : null}
      {roles.includes("member") ? (
        <>
          <h2>What AMG asks of you this week</h2>
          <ul>
            <li>
              <a href="/act">Ask your legislators</a> to pass the Resident Physician Shortage Reduction Act: find them by your ZIP code and write in two minutes.
            </li>
            <li>
              <a href="/letters">Sign AMG's open letters</a> and share them with classmates who went unmatched.
            </li>
          </ul>
          <h2>Your membership</h2>
          {loaderData.completeness ? (
            <div className="progress">
              <p id="profile-completeness">
                Your profile is <strong>{loaderData.completeness.percent}%</strong> complete.
              </p>
              <progress max={100} value={loaderData.completeness.percent} aria-labelledby="profile-completeness" />
              {loaderData.completeness.missing.length ? (
                <>
                  <p>Still missing:</p>
                  <ul>
                    {loaderData.completeness.missing.map((m) => (
                      <li key={m.item}>
                        <a href={m.href}>{m.item}</a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
          <ul>
            <li>
              <a href="/account/profile">My profile</a>: ZIP code, exams, training, specialties and the states where you would work.
            </li>
            <li>
              <a href="/account/cycles">My match cycles</a>: the years you applied, what it cost and how it ended.
            </li>
          </ul>
        </>
      ) : null}
      <h2>Mentorship</h2>
      <p>
        <a href="/account/mentor">Ask for a mentor</a>: a volunteer physician to help with your applications, personal statement and interviews (for approved members). Physicians who mentor:{" "}
        <a href="/mentoring">your mentoring</a>.
      </p>
      <h2>Your data</h2>
      <p>Everything AMG holds about you: your account, application and match cycles.</p>
      <ul>
        <li>
          <a href="/account/my-data.json" download>
            Download my data (JSON)
          </a>
        </li>
        <li>
          <a href="/account/my-data.csv" download>
            Download my data (CSV, for a spreadsheet)
          </a>
        </li>
      </ul>
      <h2>E-mail</h2>
      <p>
        <a href="/account/email-preferences">Choose which e-mails you receive</a> (newsletter, campaign alerts, member updates).
      </p>
      <h2>Two-factor sign-in</h2>
      <p>
        {loaderData.hasSecondFactor ? "On." : "Off."} <a href="/account/two-factor">{loaderData.hasSecondFactor ? "Manage" : "Set up an authenticator app"}</a>
      </p>
      <h2>Where you are signed in</h2>
      <ul className="session-list">
        {sessions.map((s) => (
          <li key={s.publicId}>
            <span>
              {describeUserAgent(s.userAgent)}
              <br />
              <span className="hint">
                from {s.ip ?? "unknown address"}, last seen {formatDateTime(s.lastSeenAt)}
                {s.publicId === currentSession ? " — this browser" : ""}
              </span>
            </span>
            {s.publicId !== currentSession ? (
              <Form method="post">
                <CsrfField token={csrf} />
                <input type="hidden" name="session" value={s.publicId} />
                <button type="submit" className="button-small button-secondary">
                  Sign out there
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <Form method="post" action="/sign-out">
        <CsrfField token={csrf} />
        <button type="submit">Sign out</button>
      </Form>
      <h2>Delete my account</h2>
      {loaderData.deletionSent ? (
        <div className="alert alert-ok" role="status">
          We have e-mailed you a link to confirm. Nothing is deleted until you open it and press the button.
        </div>
      ) : (
        <>
          <p>
            Your account, sessions, newsletter subscription and open-letter signatures are deleted. If you agreed to AMG's anonymous statistics, your application and match cycles stay without your
            name, e-mail, ZIP code or school. We e-mail you a link to confirm first.
          </p>
          <Form method="post">
            <CsrfField token={csrf} />
            <button type="submit" name="intent" value="delete-account" className="button-secondary">
              E-mail me a link to delete my account
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
