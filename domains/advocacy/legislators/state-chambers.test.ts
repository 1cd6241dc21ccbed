import { describe, expect, it } from "vitest";
import { chamberChoice, chamberName, compareDistricts, districtChoiceValue, legislatorFinder, memberLabel, memberTitle, orList, pickedMembers } from "./state-chambers";

const member = (id: string, district: string, name = `Member ${id}`) => ({ id, name, party: "Democratic", district });

describe("state chambers", () => {
  it("orders districts naturally: 1, 2, 10; 21A before 21B; named districts alphabetically after numbers", () => {
    expect(["10", "2", "1", "21B", "21A", "Windsor", "Belknap 1", "Belknap 10", "Belknap 2"].sort(compareDistricts)).toEqual([
      "1",
      "2",
      "10",
      "21A",
      "21B",
      "Belknap 1",
      "Belknap 2",
      "Belknap 10",
      "Windsor",
    ]);
  });

  it("names each chamber and its members as the state does", () => {
    expect([chamberName("NY", "upper"), chamberName("NY", "lower")]).toEqual(["Senate", "Assembly"]);
    expect(["CA", "NV", "WI"].map((s) => chamberName(s, "lower"))).toEqual(["Assembly", "Assembly", "Assembly"]);
    expect(chamberName("NJ", "lower")).toBe("General Assembly");
    expect(["MD", "VA", "WV"].map((s) => chamberName(s, "lower"))).toEqual(["House of Delegates", "House of Delegates", "House of Delegates"]);
    expect(chamberName("NE", "legislature")).toBe("Legislature");
    expect(chamberName("TX", "lower")).toBe("House of Representatives");
    expect([memberTitle("NY", "lower"), memberTitle("WI", "lower"), memberTitle("MD", "lower"), memberTitle("NE", "legislature"), memberTitle("OH", "upper")]).toEqual([
      "Assembly Member",
      "Representative",
      "Delegate",
      "Senator",
      "Senator",
    ]);
    expect([memberLabel("NY", "lower"), memberLabel("AK", "lower"), memberLabel("VA", "lower"), memberLabel("DC", "legislature")]).toEqual([
      "Your assembly member",
      "Your state representative",
      "Your delegate",
      "Your ward councilmember",
    ]);
  });

  it("links the chamber's own lookup where it is known, else the legislature's site, never a made-up address", () => {
    expect(legislatorFinder("NY", "upper", "https://www.nysenate.gov")?.url).toBe("https://www.nysenate.gov/find-my-senator");
    expect(legislatorFinder("NY", "lower", null)).toEqual({ url: "https://nyassembly.gov/mem/search/", words: "the Assembly's “find my legislator” page" });
    expect(legislatorFinder("AK", "lower", "https://akleg.gov")).toEqual({ url: "https://akleg.gov", words: "the legislature's site" });
    expect(legislatorFinder("AK", "lower", null)).toBeNull();
  });

  it("gives a ZIP inside one district its members, and says nothing is to choose even for a vacant seat", () => {
    const members = [member("a", "1"), member("b", "2"), member("c", "2")];
    expect(chamberChoice(members, ["2"])).toMatchObject({ mode: "given", district: "2", members: [{ id: "b" }, { id: "c" }] });
    expect(chamberChoice(members, ["12"])).toEqual({ mode: "given", district: "12", members: [] });
    // An address lookup (the StateDistrictResolver seam) outranks the ZIP's candidates.
    expect(chamberChoice(members, ["1", "2"], "1")).toMatchObject({ mode: "given", district: "1" });
  });

  it("offers a split ZIP only its candidate districts, vacant ones included, and picks a district's members", () => {
    const members = [member("hunter", "128"), member("magnarelli", "129"), member("other", "130")];
    const choice = chamberChoice(members, ["129", "128", "131"]);
    expect(choice.mode === "choose" && choice.districts.map((d) => [d.district, d.members.map((m) => m.id)])).toEqual([
      ["128", ["hunter"]],
      ["129", ["magnarelli"]],
      ["131", []],
    ]);
    expect(pickedMembers(choice, districtChoiceValue("129"))?.map((m) => m.id)).toEqual(["magnarelli"]);
    expect(pickedMembers(choice, districtChoiceValue("131"))).toEqual([]); // a vacant seat, chosen
    expect(pickedMembers(choice, "magnarelli")?.map((m) => m.id)).toEqual(["magnarelli"]); // a candidate's id, from an older form
    expect(pickedMembers(choice, "other")).toBeNull(); // not a district the ZIP touches
    expect(pickedMembers(choice, districtChoiceValue("130"))).toBeNull();
    expect(orList(["128", "129"])).toBe("128 or 129");
    expect(orList(["3", "5", "9"])).toBe("3, 5 or 9");
  });

  it("falls back to the whole chamber in natural order for a ZIP the table lacks", () => {
    const members = [member("x", "10"), member("y", "2"), member("z", "1")];
    for (const zipDistricts of [null, []]) {
      const choice = chamberChoice(members, zipDistricts);
      expect(choice.mode === "state" && choice.members.map((m) => m.district)).toEqual(["1", "2", "10"]);
      expect(pickedMembers(choice, "y")?.map((m) => m.id)).toEqual(["y"]);
      expect(pickedMembers(choice, "nobody")).toBeNull();
    }
  });
});
