import { useNavigate } from 'react-router';
import { countryShapes, HEIGHT, WIDTH } from './shapes';
import { colorOf, type Bucket } from './scale';
import classes from './WorldMap.module.css';

const SHAPES = countryShapes();

export interface MapSvgProps {
  counts: ReadonlyMap<string, number>;
  scale: Bucket[];
  /** The directory link of a country. */
  href: (code: string) => string;
  /** The accessible name of a country with organizations, e.g. "France: 3 organizations". */
  label: (code: string, count: number) => string;
  title: string;
}

/**
 * The choropleth (loaded on demand: the country shapes are its weight). Countries with organizations
 * are links, in the tab order, that open the directory filtered by them; the others are decoration.
 */
export default function MapSvg({ counts, scale, href, label, title }: MapSvgProps) {
  const navigate = useNavigate();
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={classes.map}
      role="group"
      aria-label={title}
      data-testid="world-map"
    >
      {SHAPES.map(({ code, d }) => {
        const count = counts.get(code) ?? 0;
        const path = <path className={classes.country} d={d} fill={colorOf(count, scale)} />;
        if (count === 0)
          return (
            <g key={code} aria-hidden="true">
              {path}
            </g>
          );
        const name = label(code, count);
        const to = href(code);
        return (
          <a
            key={code}
            href={to}
            className={classes.link}
            aria-label={name}
            data-country={code}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              navigate(to);
            }}
          >
            <title>{name}</title>
            {path}
          </a>
        );
      })}
    </svg>
  );
}
