import { Link } from "react-router";
import type { Route } from "./+types/letters";
import { markPublic } from "../../../platform/request-context";

export const meta: Route.MetaFunction = () => [
  { title: "Open letters — AMG" },
  { name: "description", content: "AMG's open letters to the AAMC, the ECFMG and Congress on a fairer Match and more residency positions." },
];

export function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return null;
}

const letters = [
  {
    to: "The AAMC",
    ask: "Address the graduates who do not match: support them through ERAS, and let an applicant who did not match reapply free instead of paying again every year.",
  },
  {
    to: "The ECFMG",
    ask: "Acknowledge that fewer than half of US-citizen and permanent-resident international medical graduates match, once those who never submitted a rank list are counted.",
  },
  {
    to: "Congress and the states",
    ask: "Fund more residency and collaborative-practice positions, and oversee the AAMC/NRMP Match so that it is fair to every applicant.",
  },
];

export default function Letters() {
  return (
    <div className="page narrow">
      <h1>Open letters</h1>
      <p className="lead">AMG calls on the institutions that run medical training to face the graduates they leave out.</p>
      <ul className="letter-list">
        {letters.map((letter) => (
          <li key={letter.to}>
            <h2>To {letter.to}</h2>
            <p>{letter.ask}</p>
          </li>
        ))}
      </ul>
      <div className="notice">
        <h2>Signing opens soon</h2>
        <p>
          The letters will be open for signature here, with the count of signatures shown. <Link to="/newsletter">Subscribe</Link> to be told when
          they open.
        </p>
      </div>
    </div>
  );
}
