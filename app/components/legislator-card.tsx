// One legislator, photo-free: name, party, chamber and district, and how to reach the office.
import type { Legislator } from "../../domains/advocacy/legislator-lookup";

export function LegislatorCard({ legislator, place }: { legislator: Legislator; place: string }) {
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
