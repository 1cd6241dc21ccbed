import { data, isRouteErrorResponse, NavLink, Outlet, useRouteError, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/layout";
import { BrandMark } from "~/app/components/brand-mark";
import { CsrfField } from "~/app/components/csrf-field";
import { ErrorContent } from "~/app/components/error-content";
import { takeFlash } from "~/app/flash.server";
import { requireStaff } from "~/app/session.server";
import { siteSettingsFor } from "~/app/site-settings.server";

// The staff console's own layout (the root leaves out the public header and footer for it): the
// console's navigation, who is signed in with a Sign out button, and the confirmation of the last
// action (a flash cookie, read once here).
export const handle = { console: true };

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  const { organisation } = await siteSettingsFor(args.context);
  const flash = takeFlash(args);
  return data(
    {
      email: viewer.email,
      name: viewer.name || null,
      csrf: viewer.csrfToken,
      isAdmin: viewer.roles.includes("admin"),
      organisation: { name: organisation.name, shortName: organisation.shortName, logoUrl: organisation.logoUrl },
      flash: flash.text,
    },
    { headers: flash.headers },
  );
}

const sections = [
  { to: "/admin", label: "Dashboard", end: true },
  { to: "/admin/applications", label: "Applications" },
  { to: "/admin/inbox", label: "Inbox" },
  { to: "/admin/subscribers", label: "Subscribers" },
  { to: "/admin/newsletters", label: "Newsletters" },
  { to: "/admin/outbox", label: "Outbox" },
  { to: "/admin/figures", label: "Figures" },
  { to: "/admin/reports", label: "Reports" },
  { to: "/admin/people", label: "People" },
  { to: "/admin/campaigns", label: "Campaigns" },
  { to: "/admin/open-letters", label: "Open letters" },
  { to: "/admin/posts", label: "Posts and pages" },
  { to: "/admin/legislators", label: "Legislators" },
  { to: "/admin/state-pathways", label: "State laws" },
  { to: "/admin/mentorship", label: "Mentorship" },
  { to: "/admin/audit", label: "Audit log" },
  { to: "/admin/settings", label: "Settings" },
];

function ConsoleLinks() {
  return (
    <ul>
      {sections.map((s) => (
        <li key={s.to}>
          <NavLink to={s.to} end={s.end}>
            {s.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

type ConsoleData = Awaited<ReturnType<typeof loader>>["data"];

function ConsoleShell({ console: c, children }: { console: ConsoleData | undefined; children: React.ReactNode }) {
  const root = useRouteLoaderData("root") as { organisation?: { name: string; shortName: string; logoUrl?: string } } | undefined;
  const organisation = c?.organisation ?? root?.organisation ?? { name: "", shortName: "", logoUrl: "" };
  return (
    <>
      <header className="console-header">
        <div className="console-header-inner">
          <a href="/admin" className="brand">
            <BrandMark shortName={organisation.shortName} name={organisation.name} logoUrl={organisation.logoUrl} />
            <span className="brand-name">Staff console</span>
          </a>
          {c ? (
            <div className="console-who">
              <span className="console-email">{c.name ?? c.email}</span>
              <form method="post" action="/sign-out" className="sign-out-form">
                <CsrfField token={c.csrf} />
                <button type="submit" className="button-small button-secondary">
                  Sign out
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </header>
      <div className="console">
        {c ? (
          <>
            <nav className="console-nav console-nav-wide" aria-label="Staff console">
              <ConsoleLinks />
              <p className="console-site-link">
                <a href="/">View the public site</a>
              </p>
            </nav>
            <details className="console-nav console-nav-narrow">
              <summary>Console menu</summary>
              <nav aria-label="Staff console">
                <ConsoleLinks />
                <p className="console-site-link">
                  <a href="/">View the public site</a>
                </p>
              </nav>
            </details>
          </>
        ) : null}
        <main id="main" tabIndex={-1} className="console-main">
          <div className="flash" role="status">
            {c?.flash ? <p className="alert alert-ok">{c.flash}</p> : null}
          </div>
          {children}
        </main>
      </div>
    </>
  );
}

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  return (
    <ConsoleShell console={loaderData}>
      <Outlet />
    </ConsoleShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const loaded = useRouteLoaderData<typeof loader>("routes/admin/layout");
  const status = isRouteErrorResponse(error) ? error.status : null;
  const message = isRouteErrorResponse(error) ? (error.data as { message?: string } | null)?.message : undefined;
  return (
    <ConsoleShell console={loaded}>
      <ErrorContent status={status} message={message} siteName={loaded?.organisation.shortName ?? ""} />
    </ConsoleShell>
  );
}
