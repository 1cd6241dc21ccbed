import type { Route } from "./+types/contact-sent";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Message sent")];

export function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return null;
}

export default function ContactSent() {
  return (
    <div className="page narrow">
      <h1>Thank you, your message is on its way</h1>
      <p className="lead">We have sent you a short receipt by e-mail. A volunteer will reply, usually within two working days.</p>
      <p>
        While you wait: <a href="/act">ask your legislators to support more residency positions</a>, or <a href="/newsletter">subscribe to our newsletter</a>.
      </p>
    </div>
  );
}
