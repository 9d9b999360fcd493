/**
 * The status of one observed figure. Only `ok` and `provisional` carry a value; the others are
 * stored as null so that a secret or missing figure can never be read as 0.
 * - secret: suppressed by the publisher (CBS "."), or not reliable enough
 * - missing: not delivered, or a sentinel ≤ −99990
 * - not_applicable: cannot occur (CBS blank cell)
 * - provisional: CBS "*" — a value, to be replaced
 */
export const OBSERVATION_STATUSES = [
  'ok',
  'secret',
  'missing',
  'provisional',
  'not_applicable',
] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

export function statusCarriesValue(status: ObservationStatus): boolean {
  return status === 'ok' || status === 'provisional';
}

/**
 * The status of a figure as it leaves the server: a stored status, or `suppressed` when
 * disclosure control hides it from the viewer (never stored: it depends on who asks).
 */
export const FIGURE_STATUSES = [...OBSERVATION_STATUSES, 'suppressed'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];
