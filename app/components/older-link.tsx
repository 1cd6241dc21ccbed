import { Link } from "react-router";

/** "Older …" link of a keyset-paginated list: the same filters, before the last id shown. */
export function OlderLink({ before, params, label }: { before: number | null; params: Record<string, string>; label: string }) {
  if (!before) return null;
  return (
    <p>
      <Link to={`?${new URLSearchParams({ ...params, before: String(before) })}`}>{label}</Link>
    </p>
  );
}
