import { Link } from "react-router";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/home";
import { FigureCard } from "~/app/components/figure-card";
import { listFigures } from "~/domains/site/queries.server";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = () => [
  { title: "Alliance of Medical Graduates — doctors ready to serve" },
  {
    name: "description",
    content: "AMG speaks for US medical graduates who passed their licensing exams but could not get a residency position. Join, write to your legislators, sign our open letters.",
  },
];

export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  const figures = await listFigures(context.services.db);
  const featured = ["unmatched-graduates", "shortage-areas", "positions-per-applicant", "cost-of-applying"];
  return { figures: featured.map((slug) => figures.find((f) => f.slug === slug)).filter((f) => f !== undefined) };
}

const callsToAction = [
  { to: "/join", title: "Become a member", text: "Unmatched graduate? Join AMG for mentorship and a voice in Washington and your state capital." },
  { to: "/mentors", title: "Mentor a graduate", text: "Physicians: an hour a month of mentoring can change a doctor's next application." },
  { to: "/newsletter", title: "Subscribe", text: "Get short updates on the bills, the states and what you can do next." },
  { to: "/act", title: "Contact your legislators", text: "Ask your senators and representative to pass the Resident Physician Shortage Reduction Act." },
  { to: "/letters", title: "Sign the open letters", text: "Call on the AAMC, the ECFMG and Congress to make the Match fair to every applicant." },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <section className="hero">
        <div className="hero-inner">
          <h1>Trained doctors, ready to serve. Locked out of residency.</h1>
          <p className="lead">
            The Alliance of Medical Graduates is a volunteer-doctor nonprofit for US medical graduates who passed their licensing exams but could not get a residency position, and so cannot be
            licensed.
          </p>
          <p>
            Our members are US citizens and permanent residents who studied eight years after high school and passed three nine-hour licensing exams. Every one of them would work as a primary-care
            physician in underserved America.
          </p>
          <p className="hero-actions">
            <Link className="button" to="/join">
              Become a member
            </Link>
            <Link className="button button-secondary" to="/act">
              Contact your legislators
            </Link>
          </p>
        </div>
      </section>

      <section className="page" aria-labelledby="problem-heading">
        <h2 id="problem-heading">The problem in numbers</h2>
        <div className="figure-grid">
          {loaderData.figures.map((figure) => (
            <FigureCard key={figure.slug} figure={figure} />
          ))}
        </div>
        <p>
          <Link to="/numbers">All the figures, with their sources and the official counts</Link>
        </p>
      </section>

      <section className="page" aria-labelledby="act-heading">
        <h2 id="act-heading">What you can do today</h2>
        <ul className="cta-grid">
          {callsToAction.map((cta) => (
            <li key={cta.to}>
              <Link to={cta.to} className="cta-card">
                <span className="cta-title">{cta.title}</span>
                <span>{cta.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
