/**
 * Class boundaries per Leefbaarometer release, used only where a file carries no classes.
 * Eight ascending cut points give nine classes; a value equal to a cut point falls in the
 * upper class. Never guessed: each set names where it comes from.
 */
export interface LbmBoundarySet {
  release: string;
  /** What the boundaries apply to: the total deviation (`afw`) or one dimension. */
  appliesTo: 'score' | 'afw' | 'dimension';
  cuts: readonly number[];
  origin: string;
}

// Observed, not published: the Leefbaarometer documents its boundaries only in the 3.0 report.
// Each cut lies between the highest value of the class below and the lowest of the class above
// in the 12,147 buurten of the 2024 WFS export, and sits at the middle of that gap; with these
// cuts every published class of that file is reproduced (lbm-boundaries.test.ts). PROVENANCE.md
// gives the same cuts rounded to 3 decimals, which misclassify 30–74 buurten per class field.
// kafw and all five dimension classes share one set of cuts (about ±1, 2, 4 and 6 × 0.0392).
const AFW_AND_DIMENSIONS_2024 = [
  -0.235199, -0.156793, -0.078397, -0.039199, 0.039191, 0.078391, 0.156775, 0.23514,
];

export const LBM_BOUNDARIES: readonly LbmBoundarySet[] = [
  {
    release: 'lbm3-2024',
    appliesTo: 'score',
    // In afw terms (lbm − the release's reference level).
    cuts: [-0.428303, -0.353829, -0.281461, -0.164048, -0.102952, 0.010146, 0.089545, 0.167961],
    origin:
      'kscore boundaries observed in the Leefbaarometer 2024 buurt export (midpoints of the gaps between classes)',
  },
  {
    release: 'lbm3-2024',
    appliesTo: 'afw',
    cuts: AFW_AND_DIMENSIONS_2024,
    origin:
      'kafw boundaries observed in the Leefbaarometer 2024 buurt export (midpoints of the gaps between classes)',
  },
  {
    release: 'lbm3-2024',
    appliesTo: 'dimension',
    cuts: AFW_AND_DIMENSIONS_2024,
    origin:
      'kwon, kfys, kvrz, ksoc and konv boundaries observed in the Leefbaarometer 2024 buurt export; the same as kafw',
  },
  {
    release: 'demo',
    appliesTo: 'dimension',
    // Copied from the afw cuts above. In the real 2024 buurt file the classes kwon…konv fall on
    // the same boundaries, so demo classes look like real ones.
    cuts: [-0.235, -0.157, -0.078, -0.039, 0.039, 0.078, 0.157, 0.235],
    origin:
      'Demo only: for the fictional demo world. Values copied from the observed lbm3-2024 kafw cuts; no published dimension table',
  },
];

/**
 * The 1–9 class of a value given eight ascending cut points.
 * @example classFromCuts(0.05, [-0.235, -0.157, -0.078, -0.039, 0.039, 0.078, 0.157, 0.235]) // 6
 */
export function classFromCuts(value: number, cuts: readonly number[]): number {
  let cls = 1;
  for (const cut of cuts) if (value >= cut) cls += 1;
  return cls;
}
