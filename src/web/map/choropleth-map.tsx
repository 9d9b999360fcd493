import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MapFeatureProperties, MapLayerResponse } from '../../domain/map/map-layer.js';
import { baseStyle, fillColour } from './map-style.js';

// MapLibre 6 runs its worker as a module; without its URL the map stays blank (stack-notes).
maplibregl.setWorkerUrl(workerUrl);

export interface HoverInfo {
  properties: MapFeatureProperties;
  x: number;
  y: number;
}

interface Props {
  layer: MapLayerResponse;
  /** Changes when the set of areas changes (not the indicator or year): the map refits then. */
  extentKey: string;
  basemap: { url: string; attribution: string | null } | null;
  ariaLabel: string;
  onSelect(code: string): void;
  renderTooltip(hover: HoverInfo): React.ReactNode;
}

const SOURCE = 'areas';

/** The choropleth: one GeoJSON source, a fill coloured by class, outlines, a hover outline. */
export function ChoroplethMap({
  layer,
  extentKey,
  basemap,
  ariaLabel,
  onSelect,
  renderTooltip,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const readyRef = useRef(false);
  const fittedRef = useRef<string | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: baseStyle(basemap) as maplibregl.StyleSpecification | string,
      bounds: layer.bbox ?? [3.3, 50.7, 7.3, 53.6],
      fitBoundsOptions: { padding: 24 },
      attributionControl: basemap?.attribution ? { compact: true } : false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // Keep pixels for screenshots and printing.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    mapRef.current = map;
    (window as unknown as { __buurtbalansMap?: maplibregl.Map }).__buurtbalansMap = map;
    let hoveredId: number | string | undefined;
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'areas-fill',
        type: 'fill',
        source: SOURCE,
        paint: { 'fill-color': '#c9ccd1', 'fill-opacity': basemap ? 0.85 : 1 },
      });
      map.addLayer({
        id: 'areas-outline',
        type: 'line',
        source: SOURCE,
        paint: {
          'line-color': '#ffffff',
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.3, 13, 1.2],
        },
      });
      map.addLayer({
        id: 'areas-hover',
        type: 'line',
        source: SOURCE,
        paint: {
          'line-color': '#10243a',
          'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0],
        },
      });
      readyRef.current = true;
      setReady(true);
    });
    map.on('mousemove', 'areas-fill', (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      if (hoveredId !== undefined && hoveredId !== feature.id)
        map.setFeatureState({ source: SOURCE, id: hoveredId }, { hover: false });
      hoveredId = feature.id;
      if (hoveredId !== undefined)
        map.setFeatureState({ source: SOURCE, id: hoveredId }, { hover: true });
      map.getCanvas().style.cursor = 'pointer';
      setHover({
        properties: feature.properties as MapFeatureProperties,
        x: event.point.x,
        y: event.point.y,
      });
    });
    map.on('mouseleave', 'areas-fill', () => {
      if (hoveredId !== undefined)
        map.setFeatureState({ source: SOURCE, id: hoveredId }, { hover: false });
      hoveredId = undefined;
      map.getCanvas().style.cursor = '';
      setHover(null);
    });
    map.on('click', 'areas-fill', (event) => {
      const code = (event.features?.[0]?.properties as MapFeatureProperties | undefined)?.code;
      if (code) onSelectRef.current(code);
    });
    return () => {
      readyRef.current = false;
      map.remove();
      mapRef.current = null;
    };
    // The map is created once; later props are applied by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const source = map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined;
    source?.setData(layer as unknown as GeoJSON.FeatureCollection);
    map.setPaintProperty(
      'areas-fill',
      'fill-color',
      fillColour(
        layer.classification.classes,
        layer.classification.noDataColour,
      ) as maplibregl.ExpressionSpecification,
    );
    if (fittedRef.current !== extentKey && layer.bbox) {
      fittedRef.current = extentKey;
      map.fitBounds(layer.bbox, { padding: 32, duration: fittedRef.current === null ? 0 : 400 });
    }
  }, [layer, extentKey, ready]);

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
          role="status"
        >
          {renderTooltip(hover)}
        </div>
      ) : null}
    </div>
  );
}
