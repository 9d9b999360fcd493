import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { detailForZoom } from '../../domain/geometry/detail-levels.js';
import type { MapFeatureProperties, MapLayerResponse } from '../../domain/map/map-layer.js';
import { baseStyle, fillColour, hatchPattern } from './map-style.js';

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
  /** The user zoomed in beyond what the layer's simplification shows well. */
  onNeedDetail(detail: number): void;
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
  onNeedDetail,
  renderTooltip,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const fittedRef = useRef<string | null>(null);
  // Handlers are bound once; they read the current props through refs.
  const layerRef = useRef(layer);
  const onSelectRef = useRef(onSelect);
  const onNeedDetailRef = useRef(onNeedDetail);
  const hoveredRef = useRef<number | undefined>(undefined);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    layerRef.current = layer;
    onSelectRef.current = onSelect;
    onNeedDetailRef.current = onNeedDetail;
  });

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
    // Feature properties as the worker returns them drop nulls; read the layer's own instead.
    const propertiesOf = (feature: maplibregl.MapGeoJSONFeature | undefined) =>
      typeof feature?.id === 'number'
        ? layerRef.current.features[feature.id]?.properties
        : undefined;
    const clearHover = () => {
      if (hoveredRef.current !== undefined && map.getSource(SOURCE)) {
        map.setFeatureState({ source: SOURCE, id: hoveredRef.current }, { hover: false });
      }
      hoveredRef.current = undefined;
      map.getCanvas().style.cursor = '';
      setHover(null);
    };
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'areas-fill',
        type: 'fill',
        source: SOURCE,
        paint: { 'fill-color': '#c9ccd1', 'fill-opacity': basemap ? 0.85 : 1 },
      });
      // Figures hidden by disclosure control have no class (drawn grey below); the hatch on
      // top keeps them apart from areas without data, as the legend shows.
      map.addImage('suppressed-hatch', hatchPattern());
      map.addLayer({
        id: 'areas-suppressed',
        type: 'fill',
        source: SOURCE,
        filter: ['==', ['get', 'status'], 'suppressed'],
        paint: { 'fill-pattern': 'suppressed-hatch' },
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
      setReady(true);
    });
    map.on('mousemove', 'areas-fill', (event) => {
      const feature = event.features?.[0];
      const properties = propertiesOf(feature);
      if (!feature || !properties || typeof feature.id !== 'number') return;
      if (hoveredRef.current !== undefined && hoveredRef.current !== feature.id) {
        map.setFeatureState({ source: SOURCE, id: hoveredRef.current }, { hover: false });
      }
      hoveredRef.current = feature.id;
      map.setFeatureState({ source: SOURCE, id: feature.id }, { hover: true });
      map.getCanvas().style.cursor = 'pointer';
      setHover({ properties, x: event.point.x, y: event.point.y });
    });
    map.on('mouseleave', 'areas-fill', clearHover);
    map.on('click', 'areas-fill', (event) => {
      const code = propertiesOf(event.features?.[0])?.code;
      if (code) onSelectRef.current(code);
    });
    map.on('moveend', () => {
      const wanted = detailForZoom(map.getZoom());
      if (wanted > layerRef.current.detail) onNeedDetailRef.current(wanted);
    });
    (map as unknown as { clearHover?: () => void }).clearHover = clearHover;
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // The map is created once; later props are applied by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    // Ids are row indices: after new data the hovered id may be another area.
    (map as unknown as { clearHover?: () => void }).clearHover?.();
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
      const first = fittedRef.current === null;
      fittedRef.current = extentKey;
      map.fitBounds(layer.bbox, { padding: 32, duration: first ? 0 : 400 });
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
          aria-hidden="true"
        >
          {renderTooltip(hover)}
        </div>
      ) : null}
    </div>
  );
}
