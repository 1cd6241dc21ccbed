// Public pages ship no framework JavaScript; this small file (loaded only where a long list is shown)
// adds a filter box above each <select data-filter-list>: typing narrows its options to those whose
// text holds what was typed (a name or a district number). Without it, the select works alone.
for (const select of document.querySelectorAll("select[data-filter-list]")) {
  const options = [...select.options];
  const placeholder = options.filter((o) => o.value === "");
  const choices = options.filter((o) => o.value !== "");
  const box = document.createElement("input");
  box.type = "search";
  box.id = `${select.id}-filter`;
  box.autocomplete = "off";
  const label = document.createElement("label");
  label.htmlFor = box.id;
  label.textContent = `Filter the list by name or district number (${select.dataset.filterList})`;
  const count = document.createElement("p");
  count.className = "hint";
  count.setAttribute("aria-live", "polite");
  box.addEventListener("input", () => {
    const needle = box.value.trim().toLowerCase();
    const shown = choices.filter((o) => o.selected || !needle || o.text.toLowerCase().includes(needle));
    select.replaceChildren(...placeholder, ...shown);
    count.textContent = needle ? `${shown.length} of ${choices.length} shown` : "";
  });
  const field = document.createElement("div");
  field.className = "field";
  field.append(label, box, count);
  (select.closest(".field") ?? select).before(field);
}
