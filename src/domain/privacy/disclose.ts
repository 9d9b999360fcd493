import type { ValueKind } from '../indicators/indicator.js';
import type { FigureStatus } from '../shared/observation-status.js';
import type { DisclosureRules, SuppressionReason } from './disclosure-rules.js';
import { roundCount } from './round-count.js';

export interface StoredFigure {
  value: number | null;
  status: FigureStatus;
}

/**
 * A figure as one viewer may see it. For a restricted viewer, a figure that disclosure control
 * hides loses its value (status `suppressed`, with the reason), and visible counts are rounded
 * when the rules ask for it; everyone else gets the stored figure. A figure of an indicator
 * outside disclosure control (`controlled` false: the corporation's own property and money)
 * is never rounded.
 * @example disclose({ value: 4, status: 'ok' }, 'small_count', 'count', true, rules)
 *   // { value: null, status: 'suppressed', suppression: 'small_count' }
 */
export function disclose<T extends StoredFigure>(
  figure: T,
  reason: SuppressionReason | null,
  kind: ValueKind,
  restricted: boolean,
  rules: Pick<DisclosureRules, 'roundCountsTo'>,
  controlled = true,
): T & { suppression: SuppressionReason | null } {
  if (!restricted) return { ...figure, suppression: null };
  if (reason) return { ...figure, value: null, status: 'suppressed', suppression: reason };
  if (kind === 'count' && controlled && figure.value !== null)
    return { ...figure, value: roundCount(figure.value, rules.roundCountsTo), suppression: null };
  return { ...figure, suppression: null };
}
