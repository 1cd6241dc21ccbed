// Site footer: who we are, where, how to reach us, live office hours, and the newsletter form.
import { Form } from "react-router";

/** What the footer shows of the organisation's settings. */
type FooterOrganisation = { name: string; tagline: string; email: string; streetAddress: string; city: string; region: string; postalCode: string };

export function SiteFooter({ organisation, officeStatus, isOpen, isMember = false }: { organisation: FooterOrganisation; officeStatus: string; isOpen: boolean; isMember?: boolean }) {
  const place = [organisation.streetAddress, `${organisation.city}, ${organisation.region} ${organisation.postalCode}`.trim()].filter(Boolean).join(", ");
  return (
    <footer className="site-footer">
      <div className="footer-inner">
        <section aria-labelledby="footer-about">
          <h2 id="footer-about">{organisation.name}</h2>
          <p>{organisation.tagline}</p>
          <address>
            {place}
            <br />
            <a href={`mailto:${organisation.email}`}>{organisation.email}</a>
          </address>
          <p className={`office-status ${isOpen ? "is-open" : "is-closed"}`}>
            <span className="dot" aria-hidden="true" /> Office: {officeStatus}
          </p>
        </section>
        <section aria-labelledby="footer-subscribe">
          <h2 id="footer-subscribe">Get our newsletter</h2>
          <p>News on residency positions, state laws and how to help. Confirm by e-mail; unsubscribe in one click.</p>
          <Form method="post" action="/newsletter" className="inline-form">
            <input type="hidden" name="source" value="footer" />
            <label htmlFor="footer-email" className="visually-hidden">
              E-mail address
            </label>
            <input id="footer-email" type="email" name="email" autoComplete="email" placeholder="you@example.org" required />
            <button type="submit">Subscribe</button>
          </Form>
        </section>
        <nav aria-label="Footer">
          <h2>Take part</h2>
          <ul>
            {isMember ? null : (
              <li>
                <a href="/join">Become a member</a>
              </li>
            )}
            <li>
              <a href="/act">Contact your legislators</a>
            </li>
            <li>
              <a href="/letters">Sign the open letters</a>
            </li>
            <li>
              <a href="/numbers">The numbers</a>
            </li>
            <li>
              <a href="/contact">Contact us</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
