/** One button of a row: its text, and a label that names the row for screen readers. */
export interface RowAction {
  text: string;
  label: string;
  onClick(): void;
}

/**
 * The last cell of a table row for who may change it: a change (edit, rename) and a removal,
 * each named after its row ("Regio Noord wijzigen") so a list of buttons stays tellable apart.
 */
export function RowActions({ change, remove }: { change: RowAction; remove: RowAction }) {
  return (
    <td className="row-actions">
      <button
        type="button"
        className="button small secondary"
        aria-label={change.label}
        onClick={change.onClick}
      >
        {change.text}
      </button>
      <button
        type="button"
        className="button small secondary danger-text"
        aria-label={remove.label}
        onClick={remove.onClick}
      >
        {remove.text}
      </button>
    </td>
  );
}
