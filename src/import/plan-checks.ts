import type { AreaLevel } from '../domain/shared/area-code.js';
import { IssueCollector } from './import-error.js';
import type { ImportPlan } from './import-plan.js';

/**
 * A plan never holds one figure twice: two values for the same area, indicator and year would
 * reach the database as a conflict inside one statement. Adapters catch their own duplicates
 * with a line number; this is the last guard, for any adapter.
 */
export function checkUniqueFigures(plan: ImportPlan, file: string): void {
  const issues = new IssueCollector();
  const seen = new Set<string>();
  for (const o of plan.observations) {
    const key = `${o.areaCode}|${o.indicatorKey}|${o.year}`;
    if (seen.has(key))
      issues.add({
        file,
        message: `${o.indicatorKey} of ${o.areaCode} for ${o.year} is given twice`,
        expected: 'one figure per area, indicator and year',
      });
    seen.add(key);
  }
  issues.throwIfAny();
}

/**
 * Keep one level of a plan (--level): its areas and figures. Parents are implied again by the
 * pipeline, so the areas kept still get their chain up to the land.
 * @example onlyLevel(plan, 'buurt').observations.every((o) => o.areaCode.startsWith('BU'))
 */
export function onlyLevel(plan: ImportPlan, level: AreaLevel | undefined): ImportPlan {
  if (!level) return plan;
  const codes = new Set(plan.areas.filter((a) => a.level === level).map((a) => a.code));
  return {
    ...plan,
    areas: plan.areas.filter((a) => codes.has(a.code)),
    observations: plan.observations.filter((o) => codes.has(o.areaCode)),
    messages: [
      ...plan.messages,
      { level: 'info', text: `Only the ${level} level was imported (--level).` },
    ],
  };
}
