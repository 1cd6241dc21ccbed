// The outline of every state, DC and territory as SVG paths for the members map: the lower 48 in an
// Albers projection, Alaska, Hawaii, Puerto Rico, the US Virgin Islands, Guam, the Northern Mariana
// Islands and American Samoa each fitted into an inset box (the usual Albers USA projection drops
// the territories). Boundaries: the Census Bureau's, as us-atlas ships them; no tiles, no network.
// Computed once per process on first use, then kept.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type GeoProjection, geoAlbers, geoConicEqualArea, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Census FIPS code → USPS code. */
const postalOfFips: Record<string, string> = {
  "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC", "12": "FL",
  "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME",
  "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH",
  "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
  "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI",
  "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}; // biome-ignore format: a table

export const mapWidth = 975;
export const mapHeight = 620;

type Box = [[number, number], [number, number]];
/** The inset boxes, each with the projection that suits the place. */
const insets: Record<string, { box: Box; projection: () => GeoProjection }> = {
  AK: { box: [[10, 470], [200, 610]], projection: () => geoConicEqualArea().rotate([154, 0]).center([-2, 58.5]).parallels([55, 65]) },
  HI: { box: [[215, 500], [345, 600]], projection: () => geoConicEqualArea().rotate([157, 0]).center([-3, 19.9]).parallels([8, 18]) },
  PR: { box: [[560, 520], [680, 590]], projection: () => geoMercator().rotate([66.5, 0]) },
  VI: { box: [[695, 525], [755, 585]], projection: () => geoMercator().rotate([64.8, 0]) },
  GU: { box: [[775, 525], [815, 585]], projection: () => geoMercator().rotate([-144.8, 0]) },
  MP: { box: [[835, 505], [875, 595]], projection: () => geoMercator().rotate([-145.7, 0]) },
  AS: { box: [[895, 530], [960, 580]], projection: () => geoMercator().rotate([170.5, 0]) },
}; // biome-ignore format: a table

export type MapShape = { state: string; d: string };
export type MapInset = { state: string; x: number; y: number; width: number; height: number };
export type StateMap = { width: number; height: number; shapes: MapShape[]; insets: MapInset[] };

let cached: StateMap | null = null;

function computeStateMap(): StateMap {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve("us-atlas/states-10m.json"), "utf8")) as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const states = feature(topology, topology.objects.states) as FeatureCollection<Geometry, { name: string }>;
  const withPostal = states.features.map((f) => ({ f, state: postalOfFips[String(f.id)] })).filter((x) => x.state);
  const mainland: Feature<Geometry>[] = withPostal.filter((x) => !insets[x.state]).map((x) => x.f);
  const lower48 = geoAlbers().fitExtent(
    [
      [10, 10],
      [mapWidth - 10, 460],
    ],
    { type: "FeatureCollection", features: mainland },
  );
  const round = (n: number) => Math.round(n);
  const shapes: MapShape[] = [];
  for (const { f, state } of withPostal) {
    const inset = insets[state];
    const projection = inset ? inset.projection().fitExtent(inset.box, f) : lower48;
    const d = geoPath(projection).digits(1)(f);
    if (d) shapes.push({ state, d });
  }
  return {
    width: mapWidth,
    height: mapHeight,
    shapes: shapes.sort((a, b) => a.state.localeCompare(b.state)),
    insets: Object.entries(insets).map(([state, { box }]) => ({
      state,
      x: round(box[0][0]) - 4,
      y: round(box[0][1]) - 4,
      width: round(box[1][0] - box[0][0]) + 8,
      height: round(box[1][1] - box[0][1]) + 8,
    })),
  };
}

/** The map's shapes (computed on first use, then kept for the life of the process). */
export function stateMap(): StateMap {
  cached ??= computeStateMap();
  return cached;
}
