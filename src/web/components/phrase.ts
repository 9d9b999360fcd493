import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { Phrase } from '../server-messages.js';

/** Says a Phrase (a text key with values, or a server text as is) in the interface language. */
export function usePhrase(): (phrase: Phrase) => string {
  const { t } = useI18n();
  return useCallback(
    (phrase: Phrase) => ('text' in phrase ? phrase.text : t(phrase.key, phrase.vars)),
    [t],
  );
}
