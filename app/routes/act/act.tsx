import { Link } from "react-router";
import type { Route } from "./+types/act";
import { markPublic } from "../../../platform/request-context";

export const meta: Route.MetaFunction = () => [
  { title: "Contact your legislators — AMG" },
  { name: "description", content: "Ask your senators and representative to pass the Resident Physician Shortage Reduction Act of 2025 (H.R. 4731 / S. 2439)." },
];

export function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return null;
}

export default function Act() {
  return (
    <div className="page narrow">
      <h1>Contact your legislators</h1>
      <p className="lead">
        The Resident Physician Shortage Reduction Act of 2025 would add 2,000 Medicare-supported residency positions a year for seven years:
        14,000 in all. It is H.R. 4731 in the House and S. 2439 in the Senate.
      </p>
      <h2>What to ask</h2>
      <ul>
        <li>Ask your representative to cosponsor H.R. 4731, and your two senators to cosponsor S. 2439.</li>
        <li>Ask your state legislators to create or expand collaborative-practice licences for medical graduates who did not match.</li>
        <li>Tell them in your own words why it matters where you live: the doctors your community lacks, and the graduates ready to serve it.</li>
      </ul>
      <h2>Find who represents you</h2>
      <p>
        AMG's own letter tool, which finds your legislators from your ZIP code and sends your letter, is coming. Until then, the official
        directories list each member's contact form and phone number:
      </p>
      <ul>
        <li>
          <a href="https://www.house.gov/representatives/find-your-representative" rel="noopener">House of Representatives: find your representative</a>
        </li>
        <li>
          <a href="https://www.senate.gov/senators/senators-contact.htm" rel="noopener">Senate: contact your senators</a>
        </li>
      </ul>
      <p>
        <Link to="/newsletter">Subscribe</Link> to hear when the letter tool opens.
      </p>
    </div>
  );
}
