import { useEffect, useRef, useState, type ReactNode } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../../domain/geometry/bbox.js';
import type { Quadrant } from '../../domain/veerkracht/quadrants.js';
import { FOCUS_OUTLINE, UNDETERMINED_COLOUR, UNDETERMINED_HATCH } from '../veerkracht-view.js';
import { baseStyle, hatchPattern } from './map-style.js';

maplibregl.setWorkerUrl(workerUrl);

export interface QuadrantFeature {
  type: 'Feature';
  id: number;
  properties: {
    code: string;
    name: string;
    /** 'none': no quadrant can be determined (a string: map libraries drop null properties). */
    quadrant: Quadrant | 'none';
    focus: boolean;
  };
  geometry: Polygon | MultiPolygon | null;
}

interface Props {
  features: QuadrantFeature[];
  bbox: BBox | null;
  colours: Record<Quadrant, string>;
  basemap: { url: string; attribution: string | null } | null;
  ariaLabel: string;
  onSelect(code: string): void;
  renderTooltip(code: string): ReactNode;
}

const SOURCE = 'areas';

/**
 * The veerkracht map: areas filled by quadrant, grey and hatched where none can be determined,
 * focus areas with a dark outline, a hover outline and a tooltip. The same source and layer
 * names as the choropleth, so tests read both the same way.
 */
export function QuadrantMap({
  features,
  bbox,
  colours,
  basemap,
  ariaLabel,
  onSelect,
  renderTooltip,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const featuresRef = useRef(features);
  const onSelectRef = useRef(onSelect);
  const fitted = useRef<string | null>(null);
  const hovered = useRef<number | undefined>(undefined);
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    featuresRef.current = features;
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: baseStyle(basemap) as maplibregl.StyleSpecification | string,
      bounds: bbox ?? [3.3, 50.7, 7.3, 53.6],
      fitBoundsOptions: { padding: 24 },
      attributionControl: basemap?.attribution ? { compact: true } : false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    mapRef.current = map;
    (window as unknown as { __buurtbalansMap?: maplibregl.Map }).__buurtbalansMap = map;
    const codeOf = (feature: maplibregl.MapGeoJSONFeature | undefined) =>
      typeof feature?.id === 'number'
        ? featuresRef.current[feature.id]?.properties.code
        : undefined;
    const clearHover = () => {
      if (hovered.current !== undefined && map.getSource(SOURCE))
        map.setFeatureState({ source: SOURCE, id: hovered.current }, { hover: false });
      hovered.current = undefined;
      map.getCanvas().style.cursor = '';
      setHover(null);
    };
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addImage('undetermined-hatch', hatchPattern(8, 2, UNDETERMINED_HATCH));
      map.addLayer({
        id: 'areas-fill',
        type: 'fill',
        source: SOURCE,
        paint: { 'fill-color': UNDETERMINED_COLOUR, 'fill-opacity': basemap ? 0.85 : 1 },
      });
      map.addLayer({
        id: 'areas-undetermined',
        type: 'fill',
        source: SOURCE,
        filter: ['==', ['get', 'quadrant'], 'none'],
        paint: { 'fill-pattern': 'undetermined-hatch' },
      });
      map.addLayer({
        id: 'areas-outline',
        type: 'line',
        source: SOURCE,
        paint: {
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 13, 1.2],
        },
      });
      map.addLayer({
        id: 'areas-focus',
        type: 'line',
        source: SOURCE,
        filter: ['==', ['get', 'focus'], true],
        paint: { 'line-color': FOCUS_OUTLINE, 'line-width': 2.6 },
      });
      map.addLayer({
        id: 'areas-hover',
        type: 'line',
        source: SOURCE,
        paint: {
          'line-color': '#f2a93b',
          'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, 0],
        },
      });
      setReady(true);
    });
    map.on('mousemove', 'areas-fill', (event) => {
      const feature = event.features?.[0];
      const code = codeOf(feature);
      if (!feature || !code || typeof feature.id !== 'number') return;
      if (hovered.current !== undefined && hovered.current !== feature.id)
        map.setFeatureState({ source: SOURCE, id: hovered.current }, { hover: false });
      hovered.current = feature.id;
      map.setFeatureState({ source: SOURCE, id: feature.id }, { hover: true });
      map.getCanvas().style.cursor = 'pointer';
      setHover({ code, x: event.point.x, y: event.point.y });
    });
    map.on('mouseleave', 'areas-fill', clearHover);
    map.on('click', 'areas-fill', (event) => {
      const code = codeOf(event.features?.[0]);
      if (code) onSelectRef.current(code);
    });
    (map as unknown as { clearHover?: () => void }).clearHover = clearHover;
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // The map is made once; data and colours are applied by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map as unknown as { clearHover?: () => void }).clearHover?.();
    (map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: features as unknown as GeoJSON.Feature[],
    });
    map.setPaintProperty('areas-fill', 'fill-color', [
      'match',
      ['get', 'quadrant'],
      ...Object.entries(colours).flat(),
      UNDETERMINED_COLOUR,
    ] as unknown as maplibregl.ExpressionSpecification);
    const key = bbox ? bbox.join(',') : null;
    if (bbox && fitted.current !== key) {
      const first = fitted.current === null;
      fitted.current = key;
      map.fitBounds(bbox, { padding: 32, duration: first ? 0 : 400 });
    }
  }, [features, colours, bbox, ready]);

  return (
    <div className="map-frame">
      <div
        ref={container}
        className="map-canvas"
        role="region"
        aria-label={ariaLabel}
        data-testid="map"
      />
      {hover ? (
        <div
          className="map-tooltip"
          style={{ left: hover.x + 14, top: hover.y + 14 }}
          aria-hidden="true"
        >
          {renderTooltip(hover.code)}
        </div>
      ) : null}
    </div>
  );
}
