import { formatDateTime } from "~/app/format";

/** The audit entries about one record, newest first. */
export function AuditHistory({ entries }: { entries: { id: number; at: Date | string; action: string; actorEmail: string | null }[] }) {
  return (
    <>
      <h2>History</h2>
      <ul>
        {entries.map((h) => (
          <li key={h.id}>
            {formatDateTime(h.at)}: {h.action} by {h.actorEmail ?? "the system"}
          </li>
        ))}
      </ul>
    </>
  );
}
