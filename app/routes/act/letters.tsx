import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/letters";
import { DeliveredNote, SignatureCounter } from "~/app/components/signature-counter";
import { siteSettingsFor } from "~/app/site-settings.server";
import { listOpenLetters } from "~/domains/advocacy/open-letters/open-letters.server";
import { cacheNoLongerThan, markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

const description = "AMG's open letters to the AAMC, the ECFMG and Congress on a fairer Match and more residency positions. Sign them.";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Open letters"), { name: "description", content: description }];

export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  cacheNoLongerThan(context, new Date(context.services.clock().getTime() + 30_000)); // counts may lag 30 s
  const [letters, { publicCounters }] = await Promise.all([listOpenLetters(context.services.db), siteSettingsFor(context)]);
  return { seo: { title: "Open letters", description }, letters, threshold: publicCounters.threshold };
}

export default function Letters({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Open letters</h1>
      <p className="lead">AMG calls on the institutions that run medical training to face the graduates they leave out. Read the letters and add your name.</p>
      <ul className="letter-list">
        {loaderData.letters.map((letter) => (
          <li key={letter.slug}>
            <h2>
              <Link to={`/letters/${letter.slug}`}>{letter.title}</Link>
            </h2>
            <p>{letter.summary}</p>
            <DeliveredNote delivery={letter.delivery} />
            <SignatureCounter count={letter.signatures} goal={letter.goal} threshold={loaderData.threshold} />
            <p>
              <Link className="button button-small" to={`/letters/${letter.slug}`}>
                Read and sign
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
