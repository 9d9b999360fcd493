import type { Locale } from '../../domain/format/format-value.js';
import { useI18n } from '../i18n/i18n.js';

/** NL | EN: in the header, and on the login page before anyone is logged in. */
export function LangSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
      {(['nl', 'en'] as Locale[]).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={locale === l}
          onClick={() => setLocale(l)}
          title={t(`lang.${l}`)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
