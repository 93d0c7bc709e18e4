import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
  /** Role alertdialog for confirmations. */
  alert?: boolean;
}

/** A native modal <dialog>: focus is trapped, Escape closes it, and focus returns where it was. */
export function Dialog({ title, open, onClose, children, alert }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el || !open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    // React does not write the autofocus attribute, so showModal would focus the first control instead.
    el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (el.open) el.close();
      // The dialog may be unmounted while open, which skips the browser's own focus restore.
      const target = previous?.isConnected ? previous : document.querySelector<HTMLElement>('main h1');
      target?.focus();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  open: boolean;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}

export function ConfirmDialog({ title, open, confirmLabel, danger, onConfirm, onCancel, children }: ConfirmProps) {
  return (
    <Dialog title={title} open={open} onClose={onCancel} alert>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>Cancel</button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </Dialog>
  );
}
