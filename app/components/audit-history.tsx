import { formatDateTime } from "~/app/format";

/** The audit entries about one record, newest first; `labelOf` gives each action's words. */
export function AuditHistory({ entries, labelOf }: { entries: { id: number; at: Date | string; action: string; actorEmail: string | null }[]; labelOf: (action: string) => string }) {
  return (
    <>
      <h2>History</h2>
      {entries.length ? (
        <ul>
          {entries.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.at)}: {labelOf(h.action)}, by {h.actorEmail ?? "the system"}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">Nothing recorded yet.</p>
      )}
    </>
  );
}
