/**
 * Small-number disclosure control for figures that leave the database for restricted roles
 * (partners outside the corporation's analysts). Analysts see everything; these rules decide
 * what the others may see.
 */
export interface DisclosureRules {
  /** Counts below this are hidden ("<10"); 0 counts too, since a zero says something as well. */
  minCount: number;
  /** Shares whose base (denominator) is below this are hidden: 1 of 3 dwellings is not a share. */
  minBase: number;
  /** Visible counts are rounded to a multiple of this; 0 (or 1) leaves them as they are. */
  roundCountsTo: number;
}

/** CBS-like defaults; rounding is off unless the organisation asks for it (5 = CBS style). */
export const DEFAULT_DISCLOSURE_RULES: DisclosureRules = {
  minCount: 10,
  minBase: 50,
  roundCountsTo: 0,
};

/**
 * Why a figure is hidden.
 * - small_count: a count below minCount (primary suppression)
 * - secondary: a visible count hidden so that a small one cannot be recovered from totals
 * - small_base: a share whose base is below minBase
 * - unknown_base: a share whose base is missing, or that has no base configured at all
 */
export type SuppressionReason = 'small_count' | 'secondary' | 'small_base' | 'unknown_base';
