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

export const LBM_BOUNDARIES: readonly LbmBoundarySet[] = [
  {
    release: 'lbm3-2024',
    appliesTo: 'score',
    // In afw terms (lbm − reference); observed in the real 2024 buurt data (shared/data PROVENANCE §1).
    cuts: [-0.432, -0.355, -0.282, -0.164, -0.103, 0.01, 0.09, 0.168],
    origin: 'Observed kscore boundaries in the Leefbaarometer 2024 buurt file',
  },
  {
    release: 'lbm3-2024',
    appliesTo: 'afw',
    cuts: [-0.235, -0.157, -0.078, -0.039, 0.039, 0.078, 0.157, 0.235],
    origin: 'Observed kafw boundaries in the Leefbaarometer 2024 buurt file',
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
