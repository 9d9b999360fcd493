import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

/**
 * Asks before removing a region or a line, and keeps the server's refusal in view: the reason
 * is read out (role=alert), and a region's refusal can be resolved in the same dialog by
 * choosing where its buurten go. Native <dialog>: focus stays inside, Escape cancels.
 */
export function RemovalDialog({
  title,
  children,
  confirmLabel,
  refusal,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Why the server refused, in the interface language; null before any attempt. */
  refusal: string | null;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog removal-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      {refusal ? (
        <p className="form-error" role="alert" data-testid="removal-refusal">
          {refusal}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onCancel} autoFocus>
          {refusal ? t('regions.close') : t('form.cancel')}
        </button>
        <button type="button" className="button danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
