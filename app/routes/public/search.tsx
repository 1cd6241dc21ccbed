import { Link } from "react-router";
import { Pager } from "~/app/components/post-list";
import { SearchResults } from "~/app/components/search-results";
import { paginate, pageNumberOf } from "~/domains/publishing/rules";
import { searchSite } from "~/domains/publishing/search.server";
import type { CacheHandle } from "~/platform/page-cache-key";
import { markPublic } from "~/platform/request-context";
import type { Route } from "./+types/search";
import { openCampaignDocuments } from "./search-documents.server";
import { organisationNamesOf, pageTitle } from "~/app/page-title";

export const handle: CacheHandle = { cacheQuery: ["q", "page"] };

export const meta: Route.MetaFunction = ({ data, matches }) => [
  pageTitle(matches, data?.query ? `Search: ${data.query}` : "Search"),
  { name: "description", content: `Search ${organisationNamesOf(matches).shortName}'s news, pages and campaigns.` },
  { name: "robots", content: "noindex" },
];

export async function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const page = pageNumberOf(url.searchParams.get("page"));
  const { db, clock } = context.services;
  const result = await searchSite(db, { q, page, documents: q.trim() ? await openCampaignDocuments(db, clock()) : [] });
  markPublic(context);
  const pagination = paginate(result.total, page);
  return { ...result, ...pagination, seo: { title: "Search" } };
}

export default function Search({ loaderData }: Route.ComponentProps) {
  const { query, searchedFor, hits, total, suggestion, page, pageCount, isCapped } = loaderData;
  return (
    <div className="page narrow">
      <h1>Search</h1>
      <search>
        <form method="get" action="/search" className="search-form">
          <label htmlFor="search-page-q">Search news, pages and campaigns</label>
          <div className="search-row">
            <input id="search-page-q" type="search" name="q" defaultValue={query} maxLength={200} />
            <button type="submit">Search</button>
          </div>
        </form>
      </search>
      {query ? (
        <>
          {searchedFor !== query ? (
            <p className="notice" role="status">
              Nothing matched “{query}”. Showing results for <strong>{searchedFor}</strong>.
            </p>
          ) : suggestion ? (
            <p className="notice">
              Did you mean <Link to={`/search?${new URLSearchParams({ q: suggestion })}`}>{suggestion}</Link>?
            </p>
          ) : null}
          <p className="hint" role="status">
            {total === 0
              ? "No results."
              : total === 1
                ? "1 result."
                : `${isCapped ? "More than " : ""}${total.toLocaleString("en-US")} results${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}.`}
          </p>
          {total === 0 ? (
            <div>
              <p>Try fewer or different words, or browse:</p>
              <ul>
                <li>
                  <Link to="/news">All news</Link>
                </li>
                <li>
                  <Link to="/act">Contact your legislators</Link>
                </li>
                <li>
                  <Link to="/letters">Open letters</Link>
                </li>
              </ul>
            </div>
          ) : (
            <SearchResults hits={hits} />
          )}
          <Pager page={page} pageCount={pageCount} basePath="/search" query={{ q: query }} />
        </>
      ) : null}
    </div>
  );
}
