/** Signatures (or letters) so far against the goal (a native <progress>: no inline style, which the CSP forbids). */
import { useId } from "react";

export function ProgressMeter({ count, goal, noun = ["signature", "signatures"] }: { count: number; goal: number; noun?: [string, string] }) {
  const id = useId();
  return (
    <div className="progress">
      <p id={id}>
        <strong>{count.toLocaleString("en-US")}</strong> {count === 1 ? noun[0] : noun[1]} of a goal of {goal.toLocaleString("en-US")}
      </p>
      <progress max={goal} value={Math.min(count, goal)} aria-labelledby={id} />
    </div>
  );
}
