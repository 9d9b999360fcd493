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
    case 'forbidden':
      // An area (or gemeente) outside the user's scope names itself in the details.
      return {
        message:
          typeof error.details.code === 'string' ? t('error.outOfScope') : t('error.forbidden'),
        retry: false,
      };
    case 'unauthenticated':
      return { message: t('error.unauthenticated'), retry: false };
    case 'csrf_failed':
      return { message: t('error.csrf'), retry: true };
    case 'too_many_requests':
      return { message: t('error.tooMany'), retry: true };
    default:
      return { message: `${t('error.server')} (${error.code})`, retry: error.status >= 500 };
  }
}
