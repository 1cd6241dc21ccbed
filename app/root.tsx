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
  // A member is not invited to "Become a member" (signed-in pages are never in the page cache).
  return { organisation, officeStatus: status.label, isOpen: status.isOpen, nonce: context.nonce, signedIn, isMember: signedIn && viewer.roles.includes("member") };
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
