// The page reader the HTTP tests rely on: a helper that found the wrong control or missed a
// message would make their checks pass or fail for nothing.
import { describe, expect, it } from "vitest";
import { parseHtml } from "./html-page";

const page = parseHtml(`<!DOCTYPE html><html><head><title>T</title><meta http-equiv="refresh" content="2"/></head><body>
<h1>Hello, <!-- -->Ana</h1>
<form method="post">
  <input type="hidden" name="csrf" value="tok"/>
  <div class="field"><label for="field-zip">Home ZIP code<span class="optional"> (optional)</span></label>
    <input id="field-zip" name="zip" value="1320" aria-invalid="true" aria-describedby="field-zip-hint field-zip-error"/>
    <p id="field-zip-hint">Five digits.</p><p class="error-message" id="field-zip-error">A ZIP code has 5 digits, like 13202.</p></div>
  <label for="field-note">Note</label><textarea id="field-note" name="note">
Kept &amp; shown</textarea>
  <label for="field-degree">Degree</label><select id="field-degree" name="degree"><option value="">Choose…</option><option value="DO" selected="">DO</option></select>
  <label><input type="hidden" name="listed" value="S1"/><input type="checkbox" name="supporter" value="S1" checked=""/> <span>Senator One</span></label>
  <label><input type="checkbox" name="supporter" value="S2"/> <span>Senator Two</span></label>
</form>
<p>AMG&#x27;s figure: <strong>3</strong> rows</p>
<table><thead><tr><th>Row</th><th>Column</th></tr></thead><tbody><tr><td>3</td><td><code>zip</code></td></tr></tbody></table>
<a href="/letters">Sign the letters</a>
<script>window.__data = {"secret":"only in data"}</script>
</body></html>`);

describe("parseHtml", () => {
  it("reads the text a person reads: entities decoded, React's comment splits and scripts gone", () => {
    expect(page.headings(1)).toEqual(["Hello, Ana"]);
    expect(page.text).toContain("AMG's figure: 3 rows");
    expect(page.text).not.toContain("only in data");
  });

  it.each([
    ["an input by its label, without (optional), with its error", "Home ZIP code", { value: "1320", isInvalid: true, error: "A ZIP code has 5 digits, like 13202." }],
    ["a textarea's text", "Note", { value: "Kept & shown", error: null }],
    ["a select's chosen option", "Degree", { value: "DO" }],
    ["a checkbox inside its label, not the hidden input beside it", "Senator One", { value: "S1", isChecked: true }],
    ["an unticked checkbox", "Senator Two", { value: "S2", isChecked: false }],
  ])("finds %s", (_, label, expected) => {
    expect(page.field(label)).toMatchObject(expected);
  });

  it("names the labels it has when none matches", () => {
    expect(() => page.field("Nope")).toThrow(/no control labelled Nope .*Degree/);
  });

  it("gives links by name, table rows and records, the refresh, and a form's entries as a browser sends them", () => {
    expect(page.linksNamed("Sign the letters")).toEqual(["/letters"]);
    expect(page.rows()).toEqual([["3", "zip"]]);
    expect(page.records()).toEqual([{ Row: "3", Column: "zip" }]);
    expect(page.refreshSeconds).toBe(2);
    expect(page.formEntries("zip")).toEqual([
      ["csrf", "tok"],
      ["zip", "1320"],
      ["note", "Kept & shown"],
      ["degree", "DO"],
      ["listed", "S1"],
      ["supporter", "S1"],
    ]);
  });
});
