import type { ReactNode } from "react";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { ErrorContent } from "./components/error-content";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { describeOfficeHours } from "~/domains/site/office-hours";
import { getViewer } from "./session.server";
import { siteSettingsFor } from "./site-settings.server";
import { cacheNoLongerThan } from "~/platform/request-context";
import "./styles.css";

export async function loader(args: Route.LoaderArgs) {
  const { context } = args;
  const [{ organisation, officeHours }, viewer] = await Promise.all([siteSettingsFor(context), getViewer(args)]);
  const status = describeOfficeHours(context.services.clock(), officeHours);
  // The footer shows "Open now"; a cached copy of any page must end when that changes.
  cacheNoLongerThan(context, status.changesAt);
  const signedIn = viewer !== null && !viewer.secondFactorPending;
  const url = new URL(args.request.url);
  const page = url.searchParams.get("page");
  const canonical = `${context.services.appUrl}${url.pathname}${page && /^[2-9]$|^[1-9][0-9]+$/.test(page) ? `?page=${page}` : ""}`;
  return {
    organisation,
    officeStatus: status.label,
    isOpen: status.isOpen,
    nonce: context.nonce,
    signedIn,
    // A member is not invited to "Become a member" (signed-in pages are never in the page cache).
    isMember: signedIn && viewer.roles.includes("member"),
    appUrl: context.services.appUrl,
    canonical,
  };
}

/** What a page says about itself for link previews and search engines (its loader's `seo`). */
type Seo = {
  title?: string;
  description?: string;
  /** A path on this site, e.g. /media/abc-1600.jpg. */
  image?: string;
  type?: "website" | "article";
  publishedTime?: string;
  jsonLd?: Record<string, unknown>;
  feeds?: { title: string; rss: string; atom?: string }[];
};

/** JSON in a <script> element: "<" escaped, so no text in it can close the element. */
const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * Canonical URL, Open Graph and Twitter card tags, JSON-LD (Organization on every page, and the
 * page's own, e.g. Article) and the feeds, on every page.
 */
function SocialMeta({ data }: { data: NonNullable<ReturnType<typeof useRouteLoaderData<typeof loader>>> }) {
  const seo =
    [...useMatches()]
      .reverse()
      .map((m) => (m.data as { seo?: Seo } | undefined)?.seo)
      .find((s) => s !== undefined) ?? {};
  const { organisation, appUrl, canonical } = data;
  const title = seo.title ?? organisation.name;
  const description = seo.description || organisation.tagline;
  // Without a picture of its own, a page shares the one card made for AMG (public/share-card.png, 1200x630).
  const image = seo.image ? (seo.image.startsWith("/") ? `${appUrl}${seo.image}` : seo.image) : `${appUrl}/share-card.png`;
  const organisationLd = {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: organisation.name,
    alternateName: organisation.shortName,
    url: appUrl,
    logo: `${appUrl}/icon-512.png`,
    email: organisation.email,
    address: { "@type": "PostalAddress", addressLocality: organisation.city, addressRegion: organisation.region, addressCountry: organisation.country },
  };
  return (
    <>
      <link rel="canonical" href={canonical} />
      <link rel="icon" href="/favicon.ico" sizes="32x32" />
      <link rel="apple-touch-icon" href="/icon-192.png" />
      <link rel="manifest" href="/manifest.webmanifest" />
      <link rel="alternate" type="application/rss+xml" title={`${organisation.name} — News (RSS)`} href="/news/rss.xml" />
      <link rel="alternate" type="application/atom+xml" title={`${organisation.name} — News (Atom)`} href="/news/atom.xml" />
      {(seo.feeds ?? []).map((feed) => (
        <link key={feed.rss} rel="alternate" type="application/rss+xml" title={`${organisation.name} — ${feed.title} (RSS)`} href={feed.rss} />
      ))}
      <meta property="og:site_name" content={organisation.name} />
      <meta property="og:type" content={seo.type ?? "website"} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:image" content={image} />
      {seo.image ? null : (
        <>
          <meta property="og:image:width" content="1200" />
          <meta property="og:image:height" content="630" />
          <meta property="og:image:alt" content={`${organisation.name}: qualified doctors, ready to serve`} />
        </>
      )}
      {seo.publishedTime ? <meta property="article:published_time" content={seo.publishedTime} /> : null}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={image} />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD, a data block; "<" is escaped */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(organisationLd) }} />
      {seo.jsonLd ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD, a data block; "<" is escaped
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(seo.jsonLd) }} />
      ) : null}
    </>
  );
}

type LayoutHandle = { hydrate?: boolean; console?: boolean } | undefined;

/**
 * Public pages ship no JavaScript: they are documents and no-JS forms, a few KB on a phone.
 * A route that needs the client (the staff console, later) exports `handle = { hydrate: true }`.
 */
function useHydration(): boolean {
  return useMatches().some((match) => (match.handle as LayoutHandle)?.hydrate === true);
}

/** The staff console (`handle = { console: true }`) has its own layout: no public header or footer. */
function useIsConsole(): boolean {
  return useMatches().some((match) => (match.handle as LayoutHandle)?.console === true);
}

/** The version of the colours in the query of /theme.css: a new colour is a new address. */
function themeVersion(organisation: { primaryColour: string; accentColour: string } | undefined): string {
  return organisation ? `${organisation.primaryColour}${organisation.accentColour}`.replaceAll("#", "") : "default";
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const hydrate = useHydration();
  const isConsole = useIsConsole();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content={data?.organisation.primaryColour ?? "#0b4f6c"} />
        <Meta />
        {data ? <SocialMeta data={data} /> : null}
        <Links />
        <link rel="stylesheet" href={`/theme.css?v=${themeVersion(data?.organisation)}`} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {isConsole ? (
          children
        ) : (
          <>
            <SiteHeader
              shortName={data?.organisation.shortName ?? ""}
              name={data?.organisation.name ?? ""}
              logoUrl={data?.organisation.logoUrl}
              signedIn={data?.signedIn ?? false}
              isMember={data?.isMember ?? false}
            />
            <main id="main" tabIndex={-1}>
              {children}
            </main>
            {data ? <SiteFooter organisation={data.organisation} officeStatus={data.officeStatus} isOpen={data.isOpen} isMember={data.isMember} /> : null}
          </>
        )}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={data?.nonce} />
            <Scripts nonce={data?.nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : null;
  const message = isRouteErrorResponse(error) ? (error.data as { message?: string } | null)?.message : undefined;
  return <ErrorContent status={status} message={message} siteName={data?.organisation.shortName ?? ""} />;
}
