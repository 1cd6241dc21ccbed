// An open letter's public count: below the site's threshold an invitation (a small number
// discourages more than it convinces), from it the count and a progress bar towards the goal.
import { formatDay } from "~/app/format";
import { ProgressMeter } from "./progress-meter";

export function SignatureCounter({ count, goal, threshold, invitation = "Be among the first to sign." }: { count: number; goal: number; threshold: number; invitation?: string }) {
  if (count < threshold) {
    return (
      <div className="progress">
        <p>
          <strong>{invitation}</strong>
        </p>
      </div>
    );
  }
  return <ProgressMeter count={count} goal={goal} />;
}

/** "Delivered to the AAMC on March 12, 2026", or nothing before a delivery. */
export function DeliveredNote({ delivery }: { delivery: { recipient: string; deliveredOn: string } | null }) {
  if (!delivery) return null;
  return (
    <p className="delivered-note">
      <strong>
        Delivered to {delivery.recipient} on {formatDay(delivery.deliveredOn)}.
      </strong>
    </p>
  );
}
