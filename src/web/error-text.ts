import { ApiError } from './api-client.js';
import type { Translate } from './i18n/i18n.js';

/**
 * What to tell the user about a failed request, in their language. The server's messages are
 * English and meant for developers; known error codes get a sentence of our own.
 */
export function errorText(error: Error, t: Translate): { message: string; retry: boolean } {
  if (!(error instanceof ApiError)) return { message: error.message, retry: true };
  switch (error.code) {
    case 'network':
      return { message: t('error.network'), retry: true };
    case 'not_found':
      return { message: t('error.noAreas'), retry: false };
    case 'area_not_found':
      return { message: t('area.notFound'), retry: false };
    case 'indicator_not_found':
      return { message: t('error.noIndicator'), retry: false };
    case 'year_not_available':
      return { message: t('map.noYears'), retry: false };
    default:
      return { message: `${t('error.server')} (${error.code})`, retry: error.status >= 500 };
  }
}
