// A server-rendered page read as a person reads it, for HTTP tests: text with entities decoded and
// React's `<!-- -->` splits gone, form controls found by their label, links by their name, table
// rows as cells, and the values a browser would submit from a form. So a test checks what the page
// says and does, not how its markup happens to be written (attribute order, nesting, escaping).
import { parse } from "node-html-parser";
import type { HTMLElement as ParsedElement } from "node-html-parser";

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const textOf = (el: ParsedElement) => squash(el.text);

export type Field = {
  element: ParsedElement;
  /** What the control holds: an input's value, a textarea's text, a select's chosen option. */
  value: string;
  isChecked: boolean;
  isInvalid: boolean;
  /** The text of the error message the control points to (aria-describedby), or null. */
  error: string | null;
};

export type HtmlPage = {
  root: ParsedElement;
  /** The page's text, whitespace collapsed: the sentences a person reads. */
  text: string;
  /** The text of the first element matching `selector` (or null if there is none). */
  textOf(selector: string): string | null;
  /** Texts of every element matching `selector`. */
  textsOf(selector: string): string[];
  headings(level?: number): string[];
  /** The control labelled `label` (its <label>'s text, without " (optional)"); throws if none. */
  field(label: string | RegExp): Field;
  hasField(label: string | RegExp): boolean;
  /** The href of each link whose text is `name` (or matches it). */
  linksNamed(name: string | RegExp): string[];
  /** Each body row of the table(s) matching `selector`, as the texts of its cells. */
  rows(selector?: string): string[][];
  /** Each body row of the table(s) matching `selector`, keyed by the column headings. */
  records(selector?: string): Record<string, string>[];
  /** For each element matching `selector`, the texts of its child elements (a stat card's figure and label, say). */
  cellsOf(selector: string): string[][];
  /** The entries a browser would send from the form holding the control named `controlName`. */
  formEntries(controlName: string): [string, string][];
  /** Seconds of a `<meta http-equiv="refresh">`, or null. */
  refreshSeconds: number | null;
};

const matches = (text: string, wanted: string | RegExp) => (typeof wanted === "string" ? text === wanted : wanted.test(text));

function controlValue(control: ParsedElement): string {
  const tag = control.tagName.toLowerCase();
  if (tag === "textarea") return control.text.replace(/^\n/, "");
  if (tag === "select") {
    const options = control.querySelectorAll("option");
    const chosen = options.find((o) => o.hasAttribute("selected")) ?? options[0];
    return chosen ? (chosen.getAttribute("value") ?? textOf(chosen)) : "";
  }
  return control.getAttribute("value") ?? (control.getAttribute("type") === "checkbox" ? "on" : "");
}

export function parseHtml(html: string): HtmlPage {
  const root = parse(html, { comment: false });
  // The hydration data holds the loader's values as JSON: what the page says is in its elements.
  for (const el of root.querySelectorAll("script, style, template")) el.remove();
  const byId = (id: string) => root.querySelector(`[id="${id}"]`);

  function controlsLabelled(label: string | RegExp): ParsedElement[] {
    const found: ParsedElement[] = [];
    for (const el of root.querySelectorAll("label")) {
      const own = textOf(el).replace(/\s*\(optional\)$/, "");
      if (!matches(own, label)) continue;
      const target = el.getAttribute("for") ? byId(el.getAttribute("for")!) : el.querySelector("input:not([type=hidden]), select, textarea");
      if (target) found.push(target);
    }
    for (const el of root.querySelectorAll("[aria-label]")) if (matches(el.getAttribute("aria-label")!, label)) found.push(el);
    return found;
  }

  return {
    root,
    text: textOf(root),
    textOf: (selector) => {
      const el = root.querySelector(selector);
      return el ? textOf(el) : null;
    },
    textsOf: (selector) => root.querySelectorAll(selector).map(textOf),
    headings: (level) => root.querySelectorAll(level ? `h${level}` : "h1, h2, h3, h4, h5, h6").map(textOf),
    field(label) {
      const [control] = controlsLabelled(label);
      if (!control) throw new Error(`no control labelled ${label} (labels: ${root.querySelectorAll("label").map(textOf).join(" | ")})`);
      const errors = (control.getAttribute("aria-describedby") ?? "")
        .split(/\s+/)
        .filter(Boolean)
        .map(byId)
        .filter((el): el is ParsedElement => !!el && /error/.test(`${el.getAttribute("id")} ${el.getAttribute("class")}`));
      return {
        element: control,
        value: controlValue(control),
        isChecked: control.hasAttribute("checked"),
        isInvalid: control.getAttribute("aria-invalid") === "true",
        error: errors.length ? errors.map(textOf).join(" ") : null,
      };
    },
    hasField: (label) => controlsLabelled(label).length > 0,
    linksNamed: (name) =>
      root
        .querySelectorAll("a[href]")
        .filter((a) => matches(textOf(a), name))
        .map((a) => a.getAttribute("href")!),
    rows: (selector = "table") =>
      root
        .querySelectorAll(selector)
        .flatMap((table) => table.querySelectorAll("tr").filter((tr) => tr.parentNode?.tagName?.toLowerCase() !== "thead" && !tr.querySelector("th")))
        .map((tr) => tr.querySelectorAll("td, th").map(textOf)),
    records: (selector = "table") =>
      root.querySelectorAll(selector).flatMap((table) => {
        const headings = table.querySelectorAll("thead th").map(textOf);
        return table.querySelectorAll("tbody tr").map((tr) => Object.fromEntries(tr.querySelectorAll("td, th").map((cell, i) => [headings[i] ?? String(i), textOf(cell)])));
      }),
    cellsOf: (selector) => root.querySelectorAll(selector).map((el) => el.childNodes.filter((n): n is ParsedElement => n.nodeType === 1).map(textOf)),
    formEntries(controlName) {
      const control = root.querySelector(`[name="${controlName}"]`);
      let form = control?.parentNode as ParsedElement | null;
      while (form && form.tagName?.toLowerCase() !== "form") form = form.parentNode as ParsedElement | null;
      if (!form) throw new Error(`no form holds a control named ${controlName}`);
      const entries: [string, string][] = [];
      for (const el of form.querySelectorAll("input[name], select[name], textarea[name]")) {
        const type = el.getAttribute("type");
        if (el.hasAttribute("disabled") || type === "submit" || type === "button" || type === "file") continue;
        if ((type === "checkbox" || type === "radio") && !el.hasAttribute("checked")) continue;
        entries.push([el.getAttribute("name")!, controlValue(el)]);
      }
      return entries;
    },
    refreshSeconds: (() => {
      const meta = root.querySelectorAll("meta").find((m) => m.getAttribute("http-equiv")?.toLowerCase() === "refresh");
      return meta ? Number.parseInt(meta.getAttribute("content") ?? "", 10) : null;
    })(),
  };
}

/** Fetches `url` (with `init`) and parses the answer. */
export async function fetchPage(url: string, init?: RequestInit): Promise<HtmlPage & { status: number }> {
  const res = await fetch(url, init);
  return { ...parseHtml(await res.text()), status: res.status };
}
