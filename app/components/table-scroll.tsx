// The scrolling box around a wide table: a labelled region that takes keyboard focus, so a
// keyboard user can scroll it sideways (WCAG 2.1.1, axe's scrollable-region-focusable).
import type { ReactNode } from "react";

export function TableScroll({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to be scrolled by keyboard
    <section className="table-scroll" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
