import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { ConfirmDialog } from './confirm-dialog.js';

/**
 * Asks before removing a region or a line, and keeps the server's refusal in view: the reason
 * is read out (role=alert), and a region's refusal can be resolved in the same dialog by
 * choosing where its buurten go. A ConfirmDialog with a danger button; after a refusal its
 * cancel button reads "Sluiten".
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
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      danger
      busy={busy}
      className="removal-dialog"
      cancelLabel={refusal ? t('regions.close') : undefined}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {children}
      {refusal ? (
        <p className="form-error" role="alert" data-testid="removal-refusal">
          {refusal}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
