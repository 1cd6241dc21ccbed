import { useRouteLoaderData } from "react-router";
// Every page's <title>: "<what> — <organisation>", the organisation's short name from the site
// settings the root loader provides (never a hard-coded name). Console pages say "<org> staff".

type Match = { id: string; data?: unknown } | undefined;

/** The organisation's names from the root route's loader data, "" when they are not there (an error page). */
export function organisationNamesOf(matches: readonly Match[]): { name: string; shortName: string } {
  const root = matches.find((m) => m?.id === "root")?.data as { organisation?: { name?: string; shortName?: string } } | undefined;
  return { name: root?.organisation?.name ?? "", shortName: root?.organisation?.shortName ?? "" };
}

/** The title text: "Audit log — AMG staff", or just "Audit log" when no organisation is known. */
export function titleText(title: string, shortName: string, audience: "public" | "staff" = "public"): string {
  if (!shortName) return title;
  return `${title} — ${audience === "staff" ? `${shortName} staff` : shortName}`;
}

/** A meta descriptor for a route's `meta` export: `[pageTitle(matches, "Audit log", "staff")]`. */
export function pageTitle(matches: readonly Match[], title: string, audience: "public" | "staff" = "public"): { title: string } {
  return { title: titleText(title, organisationNamesOf(matches).shortName, audience) };
}

/** The home page's title: the organisation's full name, then what it is about. */
export function homeTitle(matches: readonly Match[], about: string): { title: string } {
  const { name } = organisationNamesOf(matches);
  return { title: name ? `${name} — ${about}` : about };
}

/** The organisation's short name on a page ("AMG's figure"), from the settings the root loader read. */
export function useOrganisationShortName(): string {
  const root = useRouteLoaderData("root") as { organisation?: { shortName?: string } } | undefined;
  return root?.organisation?.shortName ?? "";
}
