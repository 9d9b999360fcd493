import { useQuery } from './use-query.js';

export interface AreaComment {
  id: number;
  subjectType: 'area' | 'ranking';
  subjectKey: string;
  organisationName: string;
  authorName: string;
  /** Plain text: shown as text, never as HTML. */
  body: string;
  visibility: 'organisation' | 'partners';
  agreedAt: string | null;
  agreedByName: string | null;
  createdAt: string;
  mine: boolean;
  canDelete: boolean;
  canAgree: boolean;
}

/** Comments on an area (newest first) that the user's organisation may read. */
export const useCommentsQuery = (code: string | null) =>
  useQuery<{ comments: AreaComment[] }>(
    code ? `/api/areas/${encodeURIComponent(code)}/comments` : null,
  );
