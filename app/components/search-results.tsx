// Search results: title, what it is, and the snippet with the matched words marked (the snippet
// comes as parts of plain text, so nothing in it is ever read as HTML).
import { Link } from "react-router";

export type SearchHitData = { kind: "post" | "page" | "campaign" | "letter"; path: string; title: string; snippet: { text: string; hit: boolean }[]; publishAt: string | Date | null };

const kindLabel = { post: "News", page: "Page", campaign: "Campaign", letter: "Open letter" } as const;
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function SearchResults({ hits }: { hits: SearchHitData[] }) {
  return (
    <ol className="search-results">
      {hits.map((hit) => (
        <li key={hit.path}>
          <h2 className="post-card-title">
            <Link to={hit.path}>{hit.title}</Link>
          </h2>
          <p className="post-meta">
            {kindLabel[hit.kind]}
            {hit.publishAt ? ` · ${dateFormat.format(new Date(hit.publishAt))}` : ""}
          </p>
          <p>
            {hit.snippet.map((part, i) =>
              part.hit ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
                <mark key={i}>{part.text}</mark>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
