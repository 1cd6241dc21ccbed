import type { Route } from "./+types/collaborative-practice";
import { listStatePathways } from "../../../domains/advocacy/state-pathways.server";
import { markPublic } from "../../../platform/request-context";

export const meta: Route.MetaFunction = () => [
  { title: "Collaborative practice in the states — AMG" },
  { name: "description", content: "Which states license medical graduates who did not match, under a collaborative-practice arrangement, and what you can ask for in yours." },
];

export async function loader({ context }: Route.LoaderArgs) {
  markPublic(context);
  return { states: await listStatePathways(context.services.db) };
}

const statusLabel = { "law-in-force": "Law in force", "bill-pending": "Bill pending", none: "No law found" } as const;

export default function CollaborativePractice({ loaderData }: Route.ComponentProps) {
  const withLaw = loaderData.states.filter((s) => s.status === "law-in-force");
  return (
    <div className="page">
      <h1>Collaborative practice in the states</h1>
      <p className="lead">
        {withLaw.length} states already license medical graduates who did not match to treat patients under a physician's supervision. Every other
        state can follow. Find yours below and what to ask for.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="pathways-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="pathways-caption">Licences for medical graduates without residency, by state</caption>
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Status</th>
              <th scope="col">Law and licence</th>
              <th scope="col">What to ask for</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.states.map((s) => (
              <tr key={s.state} id={`state-${s.state}`}>
                <th scope="row">{s.stateName}</th>
                <td>{statusLabel[s.status]}</td>
                <td>
                  {s.law ? (
                    <>
                      {s.licenceTitle ? <strong>{s.licenceTitle}</strong> : null}
                      {s.licenceTitle ? <br /> : null}
                      {s.law}
                      {s.year ? ` (${s.year})` : ""}
                      <br />
                      <span className="figure-source">Source: {s.sources}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{s.ask}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
