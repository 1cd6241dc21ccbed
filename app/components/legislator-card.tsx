// One legislator, photo-free: name, party, chamber and district, and how to reach the office.

/** What the card shows of a legislator. */
type LegislatorView = { title: string; name: string; party: string; phone: string | null; contactForm: string | null; website: string | null; address: string | null; correctedByStaff?: boolean };

export function LegislatorCard({ legislator, place }: { legislator: LegislatorView; place: string }) {
  return (
    <article className="legislator-card">
      <h3>
        {legislator.title} {legislator.name}
      </h3>
      <p className="hint">
        {legislator.party} · {place}
      </p>
      <ul>
        {legislator.phone ? (
          <li>
            Phone: <a href={`tel:${legislator.phone.replace(/[^\d+]/g, "")}`}>{legislator.phone}</a>
          </li>
        ) : null}
        {legislator.contactForm ? (
          <li>
            <a href={legislator.contactForm} rel="noopener">
              Official contact form
            </a>
          </li>
        ) : null}
        {legislator.website ? (
          <li>
            <a href={legislator.website} rel="noopener">
              Official website
            </a>
          </li>
        ) : null}
        {legislator.address ? <li>Office: {legislator.address}</li> : null}
      </ul>
      {legislator.correctedByStaff ? <p className="hint">Contact details checked by AMG staff.</p> : null}
    </article>
  );
}
