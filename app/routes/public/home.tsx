import { Link, useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/app/root";
import { homeTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/home";
import { FigureCard } from "~/app/components/figure-card";
import { PostList } from "~/app/components/post-list";
import { latestPosts } from "~/domains/publishing/queries.server";
import { listFigures } from "~/domains/site/queries.server";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [
  homeTitle(matches, "doctors ready to serve"),
  {
    name: "description",
    content: "AMG speaks for US medical graduates who passed their licensing exams but could not get a residency position. Join, write to your legislators, sign our open letters.",
  },
];

export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  const [figures, posts] = await Promise.all([listFigures(context.services.db), latestPosts(context.services.db, 3)]);
  const featured = ["unmatched-graduates", "shortage-areas", "positions-per-applicant", "cost-of-applying"];
  return { figures: featured.map((slug) => figures.find((f) => f.slug === slug)).filter((f) => f !== undefined), posts };
}

const callsToAction = [
  { to: "/join", title: "Become a member", text: "Unmatched graduate? Join AMG for mentorship and a voice in Washington and your state capital." },
  { to: "/mentors", title: "Mentor a graduate", text: "Physicians: an hour a month of mentoring can change a doctor's next application." },
  { to: "/newsletter", title: "Subscribe", text: "Get short updates on the bills, the states and what you can do next." },
  { to: "/act", title: "Contact your legislators", text: "Ask your senators and representative to pass the Resident Physician Shortage Reduction Act." },
  { to: "/letters", title: "Sign the open letters", text: "Call on the AAMC, the ECFMG and Congress to make the Match fair to every applicant." },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const isMember = useRouteLoaderData<typeof rootLoader>("root")?.isMember ?? false;
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
            {isMember ? (
              <Link className="button" to="/account">
                Your member page
              </Link>
            ) : (
              <Link className="button" to="/join">
                Become a member
              </Link>
            )}
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

      {loaderData.posts.length ? (
        <section className="page latest-posts" aria-labelledby="news-heading">
          <h2 id="news-heading">Latest news</h2>
          <PostList posts={loaderData.posts} headingLevel={3} />
          <p>
            <Link to="/news">All news</Link>
          </p>
        </section>
      ) : null}

      <section className="page" aria-labelledby="act-heading">
        <h2 id="act-heading">What you can do today</h2>
        <ul className="cta-grid">
          {callsToAction
            .filter((cta) => !(isMember && cta.to === "/join"))
            .map((cta) => (
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
