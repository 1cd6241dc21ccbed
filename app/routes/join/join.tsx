import { Link } from "react-router";
import { pageTitle } from "~/app/page-title";
import type { CacheHandle } from "~/platform/page-cache-key";
import type { Route } from "./+types/join";
import { markPublic } from "~/platform/request-context";

// The query parameters this public page reads: the page cache keys on these and ignores the rest.
export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ matches }) => [
  pageTitle(matches, "Become a member"),
  { name: "description", content: "Membership of the Alliance of Medical Graduates: who can join and what members get." },
];

export function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return null;
}

export default function Join() {
  return (
    <div className="page narrow">
      <h1>Become a member</h1>
      <p className="lead">AMG's members are US medical graduates who are qualified to practise but could not get a residency position.</p>
      <h2>Who can join</h2>
      <ul>
        <li>US citizens and lawful permanent residents;</li>
        <li>who graduated from medical school (MD, DO or an international medical degree);</li>
        <li>passed the licensing exams they needed (USMLE Step 1 and Step 2 CK, or COMLEX Level 1 and Level 2-CE);</li>
        <li>and are not in, and have not completed, a residency programme.</li>
      </ul>
      <h2>What members get</h2>
      <ul>
        <li>
          A volunteer physician mentor while you keep working towards residency (<Link to="/account/mentor">ask for one</Link> once you are a member);
        </li>
        <li>a voice in Congress and your state legislature, backed by members' anonymous statistics;</li>
        <li>news on collaborative-practice licences in the states where you would work.</li>
      </ul>
      <p>
        <Link className="button" to="/join/apply">
          Apply now
        </Link>
      </p>
      <p className="hint">
        You will see at once whether you qualify, and why; a volunteer doctor then reviews every application. Questions? <Link to="/contact">Write to us</Link>.
      </p>
    </div>
  );
}
