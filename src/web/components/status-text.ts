import type { SuppressionReason } from '../../domain/privacy/disclosure-rules.js';
import type { FigureStatus } from '../../domain/shared/observation-status.js';
import type { Translate } from '../i18n/i18n.js';

/**
 * Why a figure has no value, in a sentence: the source's status, or why disclosure control
 * hides it from this viewer (a small count, or a share whose base is too small or unknown).
 */
export function explainStatus(
  t: Translate,
  status: FigureStatus,
  suppression?: SuppressionReason | null,
  minCount = 10,
): string {
  switch (status) {
    case 'suppressed':
      return t(`suppression.${suppression ?? 'secondary'}`, { n: minCount });
    case 'secret':
    case 'not_applicable':
    case 'missing':
      return t(`status.${status}.explain`);
    default:
      // A value-less ok or provisional figure is, to the reader, missing.
      return t('status.missing.explain');
  }
}
