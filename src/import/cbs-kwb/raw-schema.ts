/**
 * The flat `kwb-YYYY` file (CSV or XLSX, as CBS publishes it next to StatLine): structural
 * columns, then one column per figure under its mnemonic (`a_inw`, `p_wcorpw`, …).
 */
export const CODE_FIELDS = ['gwb_code_10', 'gwb_code', 'regio_code'] as const;
export const NAME_FIELD = 'regio';
export const LEVEL_FIELD = 'recs';
/** Columns that describe the row, not a figure. */
export const STRUCTURE = new Set([
  'gwb_code_10',
  'gwb_code_8',
  'gwb_code',
  'regio',
  'gm_naam',
  'recs',
  'ind_wbi',
  'regio_code',
  'pst_mvp',
  'pst_dekp',
]);
