import { useId, useState } from 'react';
import { parseMoney } from '../../domain/budget/money.js';
import { useI18n } from '../i18n/i18n.js';

// The historic legal cap (art. 51 BTIV 2015), a starting point when a user switches the test on.
const HISTORIC_CAP = '125';

/**
 * Off by default: test the spending per DAEB dwelling against a maximum, e.g. one agreed in
 * the prestatieafspraken. The legal cap of the 2015 Woningwet is explained, not imposed: it was
 * abolished in 2022 (shared/docs/domain.md §6.1).
 */
export function CapControl({
  cap,
  onCap,
}: {
  cap: string | null;
  onCap(cap: string | null): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(cap ?? HISTORIC_CAP);
  const valid = parseMoney(text).ok && (parseMoney(text) as { cents: number }).cents > 0;
  return (
    <div className="cap-control">
      <label className="check">
        <input
          type="checkbox"
          checked={cap !== null}
          onChange={(e) => onCap(e.target.checked && valid ? text.trim() : null)}
        />
        {t('budget.cap.toggle')}
      </label>
      {cap !== null ? (
        <div className="field cap-amount">
          <label htmlFor={`${id}-cap`}>{t('budget.cap.amount')}</label>
          <input
            id={`${id}-cap`}
            inputMode="decimal"
            value={text}
            aria-invalid={valid ? undefined : true}
            aria-describedby={`${id}-cap-hint`}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => valid && onCap(text.trim())}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && valid) onCap(text.trim());
            }}
          />
        </div>
      ) : null}
      <p className="hint" id={`${id}-cap-hint`}>
        {t('budget.cap.hint')}
      </p>
    </div>
  );
}
