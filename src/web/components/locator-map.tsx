import type { MultiPolygon, Polygon } from 'geojson';
import type { Area } from '../../domain/areas/area.js';
import { useMapLayerQuery } from '../hooks/use-map-layer-query.js';
import { svgProjection } from '../map/svg-projection.js';
import { areaPath, Link } from '../router.js';

/**
 * Where the area lies among its neighbours: the areas of the same level in the same gemeente
 * drawn as SVG, this one highlighted. Light and static; the neighbours are links.
 */
export function LocatorMap({
  area,
  indicator,
  label,
}: {
  area: Area;
  indicator: string;
  label: string;
}) {
  const inGemeente = area.level === 'buurt' || area.level === 'wijk';
  const layer = useMapLayerQuery(
    area.level === 'land'
      ? null
      : {
          level: area.level,
          parent: inGemeente ? area.gemeenteCode : null,
          indicator,
          year: null,
          zoom: 10,
        },
  ).data;
  if (!layer) return <div className="locator placeholder" aria-hidden="true" />;
  const shapes = layer.features.filter((f) => f.geometry !== null);
  const box = layer.bbox;
  if (!box || shapes.length === 0) return null;
  const { width, height, project } = svgProjection(box, 300);
  const pathOf = (g: Polygon | MultiPolygon) =>
    (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      .flatMap((polygon) => polygon.map((ring) => `M${ring.map(project).join('L')}Z`))
      .join('');
  return (
    <svg
      className="locator"
      viewBox={`-2 -2 ${width + 4} ${height + 4}`}
      role="group"
      aria-label={label}
    >
      {shapes.map((f) => {
        const current = f.properties.code === area.code;
        const shape = (
          <path
            d={pathOf(f.geometry!)}
            className={current ? 'current' : 'other'}
            fillRule="evenodd"
          />
        );
        return current ? (
          <g key={f.properties.code}>{shape}</g>
        ) : (
          <Link
            key={f.properties.code}
            to={areaPath(f.properties.code)}
            aria-label={f.properties.name}
            tabIndex={-1}
          >
            <title>{f.properties.name}</title>
            {shape}
          </Link>
        );
      })}
    </svg>
  );
}
