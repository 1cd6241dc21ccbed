import { describe, expect, it } from "vitest";
import { formatPublished, publishCount, publishCounts, publishedShare, suppressCells, suppressLine, suppressPlaces, suppressTable, withheldLabel, type PublishedCount } from "./suppression";

const shown = (c: PublishedCount) => (c.withheld === false ? c.value : "x");

/** Can any withheld cell be recomputed exactly from a relation with only it hidden? */
function recomputable(out: PublishedCount[], relations: { parts: number[]; total: number }[]) {
  return relations.some((r) => [...r.parts, r.total].filter((i) => out[i].withheld !== false).length === 1);
}

describe("primary suppression", () => {
  it.each([
    ["no members (zero points at nobody)", 0, 0],
    ["one member", 1, "x"],
    ["nine members", 9, "x"],
    ["ten members", 10, 10],
    ["a large count", 1204, 1204],
    ["not a count", Number.NaN, "x"],
    ["a negative number", -3, "x"],
    ["a fraction", 2.5, "x"],
  ])("%s → %s", (_name, n, expected) => {
    expect(shown(publishCount(n))).toBe(expected);
  });

  it("writes a withheld count as 'fewer than 10' and a published one with separators", () => {
    expect(formatPublished(publishCount(3))).toBe(withheldLabel);
    expect(withheldLabel).toBe("fewer than 10");
    expect(formatPublished(publishCount(12345))).toBe("12,345");
  });
});

describe("complementary suppression in a one-way table", () => {
  it.each([
    ["nothing small: all published", [40, 25, 12], [40, 25, 12], 77],
    ["the only small cell would fall out of the total: the smallest other cell goes too", [40, 5, 12], [40, "x", "x"], 57],
    ["two small cells protect each other", [40, 5, 3], [40, "x", "x"], 48],
    ["a zero is never the complement", [0, 5, 30], [0, "x", "x"], 35],
    ["one small cell and only zeros beside it: the total is withheld", [0, 5, 0], [0, "x", 0], "x"],
    ["a small total withholds everything small", [3, 2], ["x", "x"], "x"],
  ])("%s", (_name, values, cells, total) => {
    const out = suppressLine(values);
    expect(out.cells.map(shown)).toEqual(cells);
    expect(shown(out.total)).toBe(total);
  });
});

describe("complementary suppression in a two-way table", () => {
  it("leaves no row, column or total with a single withheld entry", () => {
    // exam status (rows) × graduation decade (columns)
    const rows = [
      [50, 4, 30],
      [20, 15, 25],
      [12, 40, 11],
    ];
    const out = suppressTable(rows);
    expect(out.cells[0][1].withheld).toBe("primary");
    for (let i = 0; i < 3; i++) expect([...out.cells[i], out.rowTotals[i]].filter((c) => c.withheld).length).not.toBe(1);
    for (let j = 0; j < 3; j++) expect([...out.cells.map((r) => r[j]), out.columnTotals[j]].filter((c) => c.withheld).length).not.toBe(1);
    expect([...out.rowTotals, out.total].filter((c) => c.withheld).length).not.toBe(1);
    expect([...out.columnTotals, out.total].filter((c) => c.withheld).length).not.toBe(1);
    expect(out.total).toEqual({ value: 207, withheld: false });
  });

  it("publishes a table without small cells as it is, totals included", () => {
    const out = suppressTable([
      [10, 20],
      [30, 40],
    ]);
    expect(out.cells.flat().map(shown)).toEqual([10, 20, 30, 40]);
    expect(out.rowTotals.map(shown)).toEqual([30, 70]);
    expect(out.columnTotals.map(shown)).toEqual([40, 60]);
    expect(shown(out.total)).toBe(100);
  });
});

describe("consistency across pages: states and districts are one table", () => {
  it("stops a differencing attack between the state's page and a district's page", () => {
    // New York: 25 members; NY-22 has 22, NY-21 has 3. Publishing 25 and 22 would reveal NY-21 = 3.
    const out = suppressPlaces({ total: 125, states: { NY: 25, CA: 100 }, districts: { "NY-21": 3, "NY-22": 22 } });
    expect(out.districts["NY-21"].withheld).toBe("primary");
    expect(out.districts["NY-22"].withheld).toBe("complementary");
    expect(out.states.NY).toEqual({ value: 25, withheld: false });
    const published = [out.states.NY, out.districts["NY-22"]];
    expect(published.some((c) => c.withheld)).toBe(true);
  });

  it("stops the national total from revealing the one small state", () => {
    const out = suppressPlaces({ total: 128, states: { NY: 25, CA: 100, WY: 3 }, districts: {} });
    expect(out.states.WY.withheld).toBe("primary");
    expect(out.states.NY.withheld).toBe("complementary");
    expect(out.states.CA).toEqual({ value: 100, withheld: false });
    expect(out.total).toEqual({ value: 128, withheld: false });
  });

  it("never leaves a sum with one withheld entry, on a larger made-up country", () => {
    const states = { AA: 40, BB: 7, CC: 0, DD: 15, EE: 120 };
    const districts = { "AA-1": 30, "AA-2": 10, "BB-1": 7, "DD-1": 12, "DD-2": 3, "EE-1": 60, "EE-2": 55, "EE-3": 5 };
    const out = suppressPlaces({ total: 182, states, districts });
    const flat = [out.total, ...Object.keys(states).map((s) => out.states[s]), ...Object.keys(districts).map((d) => out.districts[d])];
    const relations = [
      { parts: [1, 2, 3, 4, 5], total: 0 },
      { parts: [6, 7], total: 1 },
      { parts: [8], total: 2 },
      { parts: [9, 10], total: 4 },
      { parts: [11, 12, 13], total: 5 },
    ];
    expect(recomputable(flat, relations)).toBe(false);
    expect(shown(out.districts["EE-2"])).toBe("x"); // the complement of EE-3 (smallest other district)
    expect(shown(out.districts["EE-1"])).toBe(60);
  });
});

describe("generic tables", () => {
  it("rejects a relation outside the table", () => {
    expect(() => suppressCells([1, 2], [{ parts: [0, 5], total: 1 }])).toThrow(RangeError);
  });

  it("gives no share when either count is withheld", () => {
    expect(publishedShare(publishCount(5), publishCount(50))).toBeNull();
    expect(publishedShare(publishCount(25), publishCount(50))).toBe(0.5);
    expect(publishedShare(publishCount(0), publishCount(0))).toBeNull();
  });

  it("publishes a dashboard's counts by name, for other contexts", () => {
    const out = publishCounts({ waiting: 4, matched: 30, declined: 12 });
    expect(shown(out.cells.waiting)).toBe("x");
    expect(shown(out.cells.declined)).toBe("x");
    expect(shown(out.cells.matched)).toBe(30);
    expect(shown(out.total)).toBe(46);
  });
});
