import type { ClassSchemeKey } from './indicator.js';

/**
 * Named 1–9 class schemes of the Leefbaarometer. Labels follow the published legend; note that
 * "zwak" (4) ranks above "onvoldoende" (3). Numeric boundaries are NOT defined here: classes
 * come from the publisher's files, or from boundaries stored per release (see lbm-boundaries).
 */
export interface ClassScheme {
  key: ClassSchemeKey;
  labelsNl: readonly string[];
  labelsEn: readonly string[];
}

export const CLASS_SCHEMES_BY_KEY: Record<ClassSchemeKey, ClassScheme> = {
  lbm_score: {
    key: 'lbm_score',
    labelsNl: [
      'zeer onvoldoende',
      'ruim onvoldoende',
      'onvoldoende',
      'zwak',
      'voldoende',
      'ruim voldoende',
      'goed',
      'zeer goed',
      'uitstekend',
    ],
    labelsEn: [
      'very insufficient',
      'highly insufficient',
      'insufficient',
      'weak',
      'sufficient',
      'more than sufficient',
      'good',
      'very good',
      'excellent',
    ],
  },
  lbm_dimension: {
    key: 'lbm_dimension',
    labelsNl: [
      'zeer veel slechter',
      'veel slechter',
      'slechter',
      'iets slechter',
      'gemiddeld',
      'iets beter',
      'beter',
      'veel beter',
      'zeer veel beter',
    ],
    labelsEn: [
      'far worse',
      'much worse',
      'worse',
      'slightly worse',
      'average',
      'slightly better',
      'better',
      'much better',
      'far better',
    ],
  },
};
