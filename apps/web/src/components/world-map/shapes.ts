import countries from 'i18n-iso-countries';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';

/** The map's drawing area: an equirectangular projection from 84°N to 56°S (Antarctica left out). */
export const WIDTH = 360;
export const NORTH = 84;
export const SOUTH = -56;
export const HEIGHT = NORTH - SOUTH;

export interface CountryShape {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  /** The SVG path in the viewBox 0 0 WIDTH HEIGHT. */
  d: string;
}

type Position = number[];

function ring(points: Position[]): string {
  // a ring across the antimeridian (Russia's far east, Fiji) continues past the right edge instead of
  // drawing a line across the whole map; the SVG clips it
  const wraps = points.some((p, i) => i > 0 && Math.abs(p[0] - points[i - 1][0]) > 180);
  let d = '';
  for (let i = 0; i < points.length; i++) {
    const [lon, lat] = points[i];
    const x = (wraps && lon < 0 ? lon + 360 : lon) + 180;
    const y = NORTH - Math.max(SOUTH - 2, Math.min(NORTH, lat));
    d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
  }
  return `${d}Z`;
}

/**
 * Natural Earth's 1:110m countries (world-atlas), keyed by the ISO alpha-2 code the API uses. The
 * TopoJSON ids are ISO numeric codes; the few shapes without one (disputed areas) are left out.
 */
export function countryShapes(): CountryShape[] {
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const collection = feature(topology, topology.objects.countries);
  const shapes: CountryShape[] = [];
  for (const f of collection.features) {
    const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
    if (!code || code === 'AQ' || !f.geometry) continue;
    const polygons =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'MultiPolygon'
          ? f.geometry.coordinates
          : [];
    const d = polygons.map((polygon) => polygon.map(ring).join('')).join('');
    if (d) shapes.push({ code, d });
  }
  return shapes;
}
