import type { Route } from "./+types/newsletter-confirmed";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Subscription confirmed")];

export function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return null;
}

export default function Confirmed() {
  return (
    <div className="page narrow">
      <h1>You are subscribed</h1>
      <p className="lead">Thank you. You will receive AMG's newsletter; every issue has a one-click unsubscribe link.</p>
      <p>
        Want to do more now? <a href="/act">Contact your legislators</a> or <a href="/letters">sign our open letters</a>.
      </p>
    </div>
  );
}
