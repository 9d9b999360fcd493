import { useEffect, useState } from 'react';
import type { AllocationResult } from '../../domain/budget/allocate.js';
import { sendJson } from '../api-client.js';
import type { ScenarioFile } from '../budget-scenario-draft.js';

export interface ScenarioPreview {
  result: AllocationResult;
  nameTaken: boolean;
}

// Long enough that typing "1.500.000" asks once, short enough to feel live.
const PREVIEW_DELAY_MS = 350;

/**
 * The allocation a scenario file would give (POST /api/budget/scenarios/preview), asked again
 * a moment after the file stops changing. An answer to an older file is dropped; while a new
 * one is computed the previous result stays, marked as not current.
 */
export function useScenarioPreview(file: ScenarioFile | null): {
  preview: ScenarioPreview | null;
  error: Error | null;
  current: boolean;
} {
  const key = file ? JSON.stringify(file) : null;
  const [state, setState] = useState<{
    key: string | null;
    preview: ScenarioPreview | null;
    error: Error | null;
  }>({ key: null, preview: null, error: null });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const timer = window.setTimeout(async () => {
      try {
        const preview = await sendJson<ScenarioPreview>(
          'POST',
          '/api/budget/scenarios/preview',
          JSON.parse(key) as unknown,
        );
        if (live) setState({ key, preview, error: null });
      } catch (error) {
        if (live) setState((s) => ({ key, preview: s.preview, error: error as Error }));
      }
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key]);
  return {
    preview: state.preview,
    error: state.key === key ? state.error : null,
    current: key !== null && state.key === key,
  };
}
