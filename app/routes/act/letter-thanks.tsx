import { data } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { Route } from "./+types/letter-thanks";
import { findOpenLetter } from "~/domains/advocacy/open-letters/open-letters.server";
import { SignatureCounter } from "~/app/components/signature-counter";
import { siteSettingsFor } from "~/app/site-settings.server";
import { ShareLinks } from "~/app/components/share-links";

export const meta: Route.MetaFunction = ({ matches }) => [pageTitle(matches, "Thank you for signing")];

export async function loader({ params, context }: Route.LoaderArgs) {
  const letter = await findOpenLetter(context.services.db, params.slug);
  if (!letter) throw data({ message: "No such letter." }, { status: 404 });
  // Not cached: the person who just confirmed sees the count with their signature in it.
  const { publicCounters } = await siteSettingsFor(context);
  return { title: letter.title, url: `${context.services.appUrl}/letters/${letter.slug}`, signatures: letter.signatures, goal: letter.goal, threshold: publicCounters.threshold };
}

export default function LetterThanks({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page narrow">
      <h1>Thank you: your signature counts</h1>
      <p className="lead">Every name shows the people who run medical training how many stand with unmatched graduates.</p>
      <SignatureCounter count={loaderData.signatures} goal={loaderData.goal} threshold={loaderData.threshold} invitation="You are among the first to sign: ask others to join you." />
      <h2>Ask others to sign</h2>
      <ShareLinks url={loaderData.url} title={loaderData.title} text={`I signed “${loaderData.title}”. Add your name:`} />
      <p>
        Next: <a href="/act">ask your legislators to support more residency positions</a>.
      </p>
    </div>
  );
}
