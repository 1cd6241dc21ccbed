// Site header: the organisation's mark and the main navigation. On a phone the links fold
// into a "Menu" disclosure that works with or without JavaScript. The search box is a plain GET
// form to /search, so it works without JavaScript too.
import { NavLink } from "react-router";
import { BrandMark } from "./brand-mark";

export const mainNavigation = [
  { to: "/about", label: "About" },
  { to: "/news", label: "News" },
  { to: "/numbers", label: "The numbers" },
  { to: "/act", label: "Contact legislators" },
  { to: "/letters", label: "Open letters" },
  { to: "/newsletter", label: "Newsletter" },
  { to: "/contact", label: "Contact" },
];

function NavLinks({ signedIn, isMember }: { signedIn: boolean; isMember: boolean }) {
  return (
    <ul>
      {mainNavigation.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} prefetch="intent">
            {item.label}
          </NavLink>
        </li>
      ))}
      {isMember ? null : (
        <li>
          <NavLink to="/join" className="button button-small">
            Become a member
          </NavLink>
        </li>
      )}
      <li>
        <NavLink to={signedIn ? "/account" : "/sign-in"}>{signedIn ? "Your account" : "Sign in"}</NavLink>
      </li>
    </ul>
  );
}

export function SiteHeader({ shortName, name, logoUrl, signedIn, isMember = false }: { shortName: string; name: string; logoUrl?: string; signedIn: boolean; isMember?: boolean }) {
  return (
    <header className="site-header">
      <div className="header-inner">
        <a href="/" className="brand">
          <BrandMark shortName={shortName} name={name} logoUrl={logoUrl} />
          <span className="brand-name">{name}</span>
        </a>
        <nav className="nav-wide" aria-label="Main">
          <NavLinks signedIn={signedIn} isMember={isMember} />
        </nav>
        <details className="nav-narrow">
          <summary>Menu</summary>
          <nav aria-label="Main">
            <NavLinks signedIn={signedIn} isMember={isMember} />
          </nav>
        </details>
      </div>
      <search>
        <form className="header-search" method="get" action="/search">
          <label className="visually-hidden" htmlFor="site-search">
            Search the site
          </label>
          <input id="site-search" type="search" name="q" maxLength={200} placeholder="Search news, pages, campaigns" />
          <button type="submit" className="button-small">
            Search
          </button>
        </form>
      </search>
    </header>
  );
}
