import { pageTitle } from "~/app/page-title";
import { data } from "react-router";
import type { Route } from "./+types/numbers-place";
import type { CacheHandle } from "~/platform/page-cache-key";
import { markPublic } from "~/platform/request-context";
import { TableScroll } from "~/app/components/table-scroll";
import { placePage } from "~/domains/evidence/place-page.server";
import { formatPublished, type PublishedCount } from "~/domains/evidence/suppression";
import { getSiteSettings } from "~/domains/site/queries.server";

export const handle: CacheHandle = { cacheQuery: [] };

export const meta: Route.MetaFunction = ({ data: d, matches }) => [
  pageTitle(matches, d ? `${d.page.name}: the numbers` : "Place not found"),
  { name: "description", content: d ? `AMG members in ${d.page.name}, their readiness, the legislators for the place and where they stand on the bill.` : "" },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const now = context.services.clock();
  const page = await placePage(context.services.db, params.place, now);
  if (!page) throw data({ message: "There is no such state or district." }, { status: 404 });
  markPublic(context);
  const settings = await getSiteSettings(context.services.db);
  const words = (c: PublishedCount) => formatPublished(c);
  return {
    organisation: settings.organisation.name,
    today: now.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }),
    page: {
      ...page,
      membersWords: words(page.members),
      membersShown: page.members.withheld === false,
      rows: {
        byWaiting: page.byWaiting.rows.map((r) => ({ label: r.label, text: words(r.count) })),
        byExamLevel: page.byExamLevel.rows.map((r) => ({ label: r.label, text: words(r.count) })),
        specialties: page.specialties.map((r) => ({ label: r.label, text: words(r.count) })),
        actions: page.actions.map((a) => ({ label: a.campaign, slug: a.slug, text: words(a.count) })),
      },
    },
  };
}

function Breakdown({ caption, rows, head }: { caption: string; head: [string, string]; rows: { label: string; text: string }[] }) {
  return (
    <TableScroll label={caption}>
      <table className="chart-data brief-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head[0]}</th>
            <th scope="col">{head[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function NumbersPlace({ loaderData }: Route.ComponentProps) {
  const { page: p, organisation, today } = loaderData;
  return (
    <div className="page place-brief">
      <p className="brief-org">
        {organisation} · {today}
      </p>
      <h1>{p.name}: the numbers</h1>
      <p className="lead brief-lead">
        {p.membersShown ? (
          <>
            <strong>{p.membersWords}</strong> AMG members live here: medical graduates ready to train and serve, waiting for a residency position.
          </>
        ) : (
          <>Fewer than 10 AMG members who allowed anonymous statistics live here, so AMG shows no breakdown for this place.</>
        )}
      </p>
      <p className="brief-covers">
        Approved members who allowed anonymous statistics, as of {new Date(p.computedAt).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })}. Counts from
        1 to 9 read "fewer than 10".
      </p>
      <div className="brief-grid">
        {p.membersShown ? (
          <>
            <Breakdown caption="How long members here have waited since graduating" head={["Years since graduation", "Members"]} rows={p.rows.byWaiting} />
            <Breakdown caption="Licensing exams members here have passed" head={["Furthest exam passed", "Members"]} rows={p.rows.byExamLevel} />
            {p.rows.specialties.length ? <Breakdown caption="Specialties members here apply in" head={["Specialty", "Members"]} rows={p.rows.specialties} /> : null}
          </>
        ) : null}
        <section aria-labelledby="legislators-heading">
          <h2 id="legislators-heading">Members of Congress for {p.district ?? p.stateName}</h2>
          {p.legislators.length ? (
            <ul className="brief-legislators">
              {p.legislators.map((l) => (
                <li key={l.id}>
                  <strong>
                    {l.title} {l.name}
                  </strong>{" "}
                  ({l.party}), {l.office}
                  {l.bills.map((b) => (
                    <span key={b.bill} className="brief-stance">
                      {" "}
                      · {b.bill}: {b.cosponsor ? "cosponsor" : "not a cosponsor yet"}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <p>AMG's records list no member of Congress for this place.</p>
          )}
        </section>
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">What constituents here have done</h2>
          {p.rows.actions.length ? (
            <Breakdown caption="Campaign actions by people living here" head={["Campaign", "People who acted"]} rows={p.rows.actions} />
          ) : (
            <p>
              No one here has acted on an AMG campaign yet. <a href="/act">Write to your legislators</a>.
            </p>
          )}
        </section>
        <section aria-labelledby="pathway-heading">
          <h2 id="pathway-heading">{p.stateName}'s collaborative-practice law</h2>
          {p.pathway ? (
            <p>
              {p.pathway.status}
              {p.pathway.law ? ` (${p.pathway.law})` : ""}. {p.pathway.ask}
            </p>
          ) : (
            <p>AMG's tracker has no entry for {p.stateName} yet.</p>
          )}
        </section>
      </div>
      {p.districts.length ? (
        <nav aria-label="Congressional districts" className="brief-districts no-print">
          <h2>Districts of {p.stateName}</h2>
          <ul>
            {p.districts.map((d) => (
              <li key={d}>
                <a href={`/numbers/${d.toLowerCase()}`}>{d}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="no-print">
        <a href={`/numbers/${p.slug}/brief.pdf`} download>
          Download this page as a one-page brief (PDF)
        </a>{" "}
        · <a href="/numbers">All the numbers</a>
      </p>
      <p className="brief-footer">{organisation}. Sources: AMG membership records and campaign actions; legislators from the public congress-legislators project; state laws from AMG's tracker.</p>
    </div>
  );
}
