import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A real modal dialog (the browser's own <dialog> opened with showModal()): focus moves inside,
 * the page behind it is inert (neither Tab nor a screen reader's virtual cursor reaches it), and
 * on closing focus returns to where it was. Escape closes it only when `onCancel` is given; the
 * re-login dialog has none, because the session must be renewed before the page can be used.
 */
export function ModalDialog({
  labelledBy,
  children,
  onCancel,
  className,
}: {
  labelledBy: string;
  children: ReactNode;
  onCancel?: () => void;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The first field or button, not the dialog box itself.
    dialog.querySelector<HTMLElement>('input, select, textarea, button, [href]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`regie-dialog ${className ?? ''}`}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel?.();
      }}
    >
      {children}
    </dialog>
  );
}
