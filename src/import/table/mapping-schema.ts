import { z } from 'zod';
import { DIRECTIONS, THEMES, VALUE_KINDS } from '../../domain/indicators/indicator.js';

/**
 * The mapping that says how "any other table" becomes figures: which column holds the area
 * code, which year the figures are for, and which column (wide) or which value of the
 * indicator column (long) is which indicator. An indicator is named by an existing key
 * ("a_inw") or defined in full, which creates it in the catalogue.
 *
 * Wide:  { "code": "bu_code", "year": 2024, "columns": { "aantal_inwoners": "a_inw" } }
 * Long:  { "layout": "long", "code": "buurt", "year": { "column": "jaar" },
 *          "indicatorColumn": "indicator", "valueColumn": "waarde",
 *          "indicators": { "klachten": { "key": "own_klachten", "nameNl": "Klachten", … } } }
 */
export const IndicatorDefinitionSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _ (e.g. own_klachten)'),
  nameNl: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  unit: z.string().min(1).default('aantal'),
  kind: z.enum(VALUE_KINDS).default('count'),
  direction: z.enum(DIRECTIONS).default('neutral'),
  theme: z.enum(THEMES).default('sociaal'),
  decimals: z.number().int().min(0).max(6).default(0),
  descriptionNl: z.string().default(''),
  descriptionEn: z.string().default(''),
  /** For a share: the indicator key of its base (denominator); small bases are hidden from partners. */
  base: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .optional(),
  /** For a share or rate: the indicator key of the count it is made of (hidden with it). */
  numerator: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .optional(),
  /** Figures about vulnerable residents: every view is recorded in the audit log. */
  sensitive: z.boolean().default(false),
});

const IndicatorRefSchema = z.union([
  z.string().regex(/^[a-z][a-z0-9_]*$/),
  IndicatorDefinitionSchema,
]);

export const TableMappingSchema = z
  .object({
    layout: z.enum(['wide', 'long']).default('wide'),
    code: z.string().min(1),
    name: z.string().min(1).optional(),
    year: z.union([z.number().int().min(1900).max(2100), z.object({ column: z.string().min(1) })]),
    boundaryYear: z.number().int().min(1900).max(2100).optional(),
    source: z.string().min(1).default('eigen tabel'),
    decimal: z.enum(['.', ',']).optional(),
    columns: z.record(z.string(), IndicatorRefSchema).optional(),
    indicatorColumn: z.string().optional(),
    valueColumn: z.string().optional(),
    indicators: z.record(z.string(), IndicatorRefSchema).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.layout === 'wide' && (!m.columns || Object.keys(m.columns).length === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: 'a wide table needs "columns": { "<column>": "<indicator key>" }',
      });
    }
    if (m.layout === 'long') {
      for (const field of ['indicatorColumn', 'valueColumn', 'indicators'] as const) {
        if (!m[field])
          ctx.addIssue({ code: 'custom', path: [field], message: `a long table needs "${field}"` });
      }
    }
    if (typeof m.year !== 'number' && !m.boundaryYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['boundaryYear'],
        message: 'with the year from a column, give "boundaryYear" (the areas\' boundary year)',
      });
    }
  });

export type TableMapping = z.infer<typeof TableMappingSchema>;
export type IndicatorRef = z.infer<typeof IndicatorRefSchema>;
