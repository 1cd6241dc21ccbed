// The delivery packet of an open letter: the letter, how many signed and who they are (by
// credential and by state), and the names of those who agreed to be listed. The console's print
// page and the PDF render this same component.
export type OpenLetterPacketProps = {
  orgName: string;
  title: string;
  addressee: string;
  letterHtml: string;
  preparedOn: string;
  confirmed: number;
  credentials: { label: string; n: number }[];
  byState: { state: string; n: number }[];
  listed: { name: string; city: string; state: string }[];
};

const n = (v: number) => v.toLocaleString("en-US");

export function OpenLetterPacket(p: OpenLetterPacketProps) {
  const unlisted = p.confirmed - p.listed.length;
  return (
    <>
      <section className="packet-letter">
        <p className="hint">
          {p.orgName} · open letter to {p.addressee} · {p.preparedOn}
        </p>
        <h1>{p.title}</h1>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered and sanitised by platform/markdown.server.ts (sanitize-html) */}
        <article className="letter-text prose" dangerouslySetInnerHTML={{ __html: p.letterHtml }} />
      </section>
      <section className="packet-letter">
        <h2>
          {n(p.confirmed)} {p.confirmed === 1 ? "person signed" : "people signed"} this letter
        </h2>
        <p>Each signature was confirmed from the signer's own e-mail address.</p>
        <h3>Who signed</h3>
        <ul>
          {p.credentials
            .filter((c) => c.n > 0)
            .map((c) => (
              <li key={c.label}>
                {n(c.n)} {c.label}
              </li>
            ))}
        </ul>
        <h3>Where they live</h3>
        <ul className="count-list">
          {p.byState.map((s) => (
            <li key={s.state}>
              {s.state}: {n(s.n)}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Signers who agreed to be named</h2>
        {p.listed.length ? (
          <ol className="count-list packet-signers">
            {p.listed.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a printed list, never reordered
              <li key={i}>
                {s.name}
                {s.city || s.state ? `, ${[s.city, s.state].filter(Boolean).join(", ")}` : ""}
              </li>
            ))}
          </ol>
        ) : (
          <p>No signer has agreed to be named yet.</p>
        )}
        {unlisted > 0 ? (
          <p>
            {n(unlisted)} more {unlisted === 1 ? "signer asked" : "signers asked"} not to be named.
          </p>
        ) : null}
      </section>
    </>
  );
}
