/**
 * Signatures (or letters) so far against the goal (a native <progress>: no inline style, which the
 * CSP forbids). Below the site's threshold (settings: public counters) a small number would
 * discourage more than it tells: the meter shows an invitation instead.
 */
import { useId } from "react";

export function ProgressMeter({
  count,
  goal,
  noun = ["signature", "signatures"],
  threshold = 0,
  invitation = "Be among the first to sign",
}: {
  count: number;
  goal: number;
  noun?: [string, string];
  threshold?: number;
  invitation?: string;
}) {
  const id = useId();
  if (count < threshold) {
    return (
      <div className="progress progress-invite">
        <p>
          <strong>{invitation}.</strong>
        </p>
      </div>
    );
  }
  return (
    <div className="progress">
      <p id={id}>
        <strong>{count.toLocaleString("en-US")}</strong> {count === 1 ? noun[0] : noun[1]} of a goal of {goal.toLocaleString("en-US")}
      </p>
      <progress max={goal} value={Math.min(count, goal)} aria-labelledby={id} />
    </div>
  );
}
