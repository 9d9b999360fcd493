import { useRankingQuery } from '../hooks/use-ranking-query.js';
import { useRankingsQuery } from '../hooks/use-rankings-query.js';
import { useI18n } from '../i18n/i18n.js';
import { classLabel, rankingClassColours } from '../ranking-classes.js';
import { rankingAreaPath } from '../ranking-view-state.js';
import { Link } from '../router.js';
import { ClassChip } from './ranking-cells.js';
import '../ranking.css';

/**
 * On an area profile: the area's place in the newest ranking of its level, with a link to the
 * explanation. Shows nothing when no ranking holds the area (it reads the ranking's table, so
 * asking never fails for an area outside the ranking).
 */
export function RankingCard({ code, level }: { code: string; level: string }) {
  const { t, locale } = useI18n();
  const list = useRankingsQuery();
  const newest = list.data?.rankings.find((r) => r.level === level);
  const table = useRankingQuery(newest?.id ?? null);
  const data = table.stale ? undefined : table.data;
  const row = data?.areas.find((r) => r.code === code);
  if (!data || !row) return null;
  const { ranking, method } = data;
  const colours = rankingClassColours(method.classes.count);
  return (
    <section className="card ranking-card" aria-labelledby="ranking-card-title">
      <h2 id="ranking-card-title">
        {t('ranking.title')}{' '}
        <span className="muted">
          · {t('ranking.data')} {ranking.dataYear}
        </span>
      </h2>
      {row.ranked && row.rank !== null ? (
        <p className="ranking-card-rank">
          <strong>{t('ranking.rankOf', { rank: row.rank, n: ranking.ranked })}</strong>
          {row.class !== null ? (
            <>
              {' · '}
              <ClassChip
                colour={colours[row.class - 1] ?? '#ccc'}
                label={classLabel(method.classes, row.class, locale, (n) =>
                  t('map.classOf', { n }),
                )}
              />
            </>
          ) : null}
        </p>
      ) : (
        <p>{t('ranking.notRanked')}</p>
      )}
      <p>
        <Link to={rankingAreaPath(ranking.id, code)}>{t('ranking.card.explain')}</Link>
      </p>
    </section>
  );
}
