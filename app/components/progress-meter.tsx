/** Signatures so far against the goal (a native <progress>: no inline style, which the CSP forbids). */
export function ProgressMeter({ count, goal }: { count: number; goal: number }) {
  return (
    <div className="progress">
      <p id={`progress-${goal}-${count}`}>
        <strong>{count.toLocaleString("en-US")}</strong> {count === 1 ? "signature" : "signatures"} of a goal of {goal.toLocaleString("en-US")}
      </p>
      <progress max={goal} value={Math.min(count, goal)} aria-labelledby={`progress-${goal}-${count}`} />
    </div>
  );
}
