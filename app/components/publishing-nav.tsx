// The publishing section's own navigation in the staff console.
import { NavLink } from "react-router";

const links = [
  { to: "/admin/posts", label: "Posts", end: true },
  { to: "/admin/posts?kind=page", label: "Pages", end: true },
  { to: "/admin/taxonomy", label: "Tags and categories" },
  { to: "/admin/images", label: "Images" },
  { to: "/admin/authors", label: "Authors" },
];

export function PublishingNav() {
  return (
    <nav aria-label="Publishing" className="sub-nav">
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
