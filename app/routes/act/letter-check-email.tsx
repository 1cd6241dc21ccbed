import type { Route } from "./+types/letter-check-email";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Confirm your signature")];

export function loader({ context, params }: Route.LoaderArgs) {
  markPublic(context);
  return { slug: params.slug };
}

export default function LetterCheckEmail({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>One more step: check your e-mail</h1>
      <p className="lead">We have sent you a link to confirm your signature. It counts once you open it.</p>
      <p>
        Signed and confirmed before? Your signature still counts once, as it was; the details you just sent replace it only when you open the link.{" "}
        <a href={`/letters/${loaderData.slug}`}>Back to the letter</a>.
      </p>
    </div>
  );
}
