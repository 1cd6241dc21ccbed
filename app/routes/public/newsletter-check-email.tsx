import type { Route } from "./+types/newsletter-check-email";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Check your e-mail")];

export function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return null;
}

export default function CheckEmail() {
  return (
    <div className="page narrow">
      <h1>Check your e-mail</h1>
      <p className="lead">If that address can receive our newsletter, a message is on its way. Open the link in it to confirm.</p>
      <p>
        The link works once and expires in 48 hours. Nothing arrived after a few minutes? Check your spam folder, or <a href="/newsletter">try again</a>.
      </p>
    </div>
  );
}
