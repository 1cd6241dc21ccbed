import type { ReactNode } from "react";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
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

/**
 * Public pages ship no JavaScript: they are documents and no-JS forms, a few KB on a phone.
 * A route that needs the client (the staff console, later) exports `handle = { hydrate: true }`.
 */
function useHydration(): boolean {
  return useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === true);
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const hydrate = useHydration();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b4f6c" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader
          shortName={data?.organisation.shortName ?? "AMG"}
          name={data?.organisation.name ?? "Alliance of Medical Graduates"}
          signedIn={data?.signedIn ?? false}
          isMember={data?.isMember ?? false}
        />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {data ? <SiteFooter organisation={data.organisation} officeStatus={data.officeStatus} isOpen={data.isOpen} isMember={data.isMember} /> : null}
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
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <div className="page narrow">
        <title>Not allowed — AMG</title>
        <h1>You do not have access to this page</h1>
        <p>{(error.data as { message?: string } | null)?.message ?? "Your account does not have the role this page needs."}</p>
        <p>
          <a href="/account">Go to your account</a> or <a href="/">the home page</a>.
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <title>{notFound ? "Page not found — AMG" : "Something went wrong — AMG"}</title>
      <h1>{notFound ? "We could not find that page" : "Something went wrong"}</h1>
      <p>{notFound ? "The page may have moved, or the address may have a typo." : "Something went wrong on our side. Nothing you entered has been lost by us; please try again in a moment."}</p>
      <p>
        <a className="button" href="/">
          Go to the home page
        </a>
      </p>
    </div>
  );
}
