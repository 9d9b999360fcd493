import { useSession } from '../session.js';
import { useMetaQuery } from './use-meta-query.js';

/**
 * Disclosure control as it applies to the logged-in user: whether figures reach them with small
 * counts hidden, and the threshold ("<10") the interface names.
 */
export function usePrivacy(): { restricted: boolean; minCount: number } {
  const { user } = useSession();
  const meta = useMetaQuery();
  return {
    restricted: user?.restricted ?? false,
    minCount: meta.data?.privacy?.minCount ?? 10,
  };
}
