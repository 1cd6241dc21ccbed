import { NavLink, Outlet } from "react-router";
import type { Route } from "./+types/layout";
import { requireStaff } from "~/app/session.server";

export const handle = { console: true };

export async function loader(args: Route.LoaderArgs) {
  const viewer = await requireStaff(args);
  return { email: viewer.email, isAdmin: viewer.roles.includes("admin") };
}

const sections = [
  { to: "/admin", label: "Dashboard", end: true },
  { to: "/admin/applications", label: "Applications" },
  { to: "/admin/inbox", label: "Inbox" },
  { to: "/admin/subscribers", label: "Subscribers" },
  { to: "/admin/outbox", label: "Outbox" },
  { to: "/admin/figures", label: "Figures" },
  { to: "/admin/reports", label: "Reports" },
  { to: "/admin/people", label: "People" },
  { to: "/admin/campaigns", label: "Campaigns" },
  { to: "/admin/legislators", label: "Legislators" },
  { to: "/admin/audit", label: "Audit log" },
  { to: "/admin/settings", label: "Settings" },
];

export default function AdminLayout({ loaderData }: Route.ComponentProps) {
  return (
    <div className="console">
      <nav className="console-nav" aria-label="Staff console">
        <p className="console-who">
          Staff console
          <br />
          <span className="hint">{loaderData.email}</span>
        </p>
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end}>
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="console-main">
        <Outlet />
      </div>
    </div>
  );
}
