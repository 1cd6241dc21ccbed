// What to do next after an action, as a ladder: the letters still waiting, sign the open letter,
// share, subscribe. Links only: it works without JavaScript and loads no third-party script.
import { ShareLinks } from "./share-links";

export function NextSteps({
  openLetter,
  share,
  lettersWaiting,
}: {
  openLetter: { href: string; title: string } | null;
  share: { url: string; title: string; text: string };
  /** How many of the person's letters still need them (0: none, or not known here). */
  lettersWaiting: number;
}) {
  return (
    <section aria-labelledby="next-heading" className="next-steps">
      <h2 id="next-heading">What next</h2>
      <ol className="ladder">
        {lettersWaiting ? (
          <li>
            <a href="#letters">Send the {lettersWaiting === 1 ? "letter" : `${lettersWaiting} letters`} still waiting above</a>: each takes a minute through the office's form or by phone.
          </li>
        ) : null}
        {openLetter ? (
          <li>
            Sign the open letter: <a href={openLetter.href}>{openLetter.title}</a>.
          </li>
        ) : null}
        <li>
          Ask others to write: share the campaign.
          <ShareLinks url={share.url} title={share.title} text={share.text} />
        </li>
        <li>
          <a href="/newsletter">Get AMG's news by e-mail</a>: we write when a bill moves and when your voice is needed.
        </li>
      </ol>
    </section>
  );
}
