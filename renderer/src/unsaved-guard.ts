/**
 * Closing (or reloading) the page with an edit in progress asks first (#15 item 10). The page's
 * beforeunload handler cancels the unload when work would be lost; the browser then asks the
 * planner, and Electron, which honours the same cancel, has main ask (shell/unload-guard.ts).
 *
 * What counts as an edit in progress:
 * - a grid cell being edited (a target or a justification typed and not yet committed): AG Grid's
 *   inline or popup editor is in the page;
 * - a text field typed into that is not saved yet: the focused field (fields saved on Enter or on
 *   leaving them), or any field of an open dialog (a dialog's form is saved by its button);
 * - whatever a component declares with `useUnsavedWork(true)`.
 * Fields inside `[data-unsaved-ignore]` (e.g. the empty state's path field) do not count.
 */
import { useEffect } from 'react';

/** Text-like fields: typing there is work; a select or checkbox takes effect at once. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'number', 'email', 'tel', 'url', 'password', 'date', 'month', 'week', 'time', 'datetime-local', '']);

function isTextField(el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type);
}

const declared = new Set<symbol>();
/** Fields typed into since their dialog opened (or, outside dialogs, since they were last left). */
const typed = new Set<Element>();

/** Declares unsaved work while `dirty` is true (e.g. a form whose values are not saved yet). */
export function useUnsavedWork(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const token = Symbol('unsaved');
    declared.add(token);
    return () => {
      declared.delete(token);
    };
  }, [dirty]);
}

/** True when closing the page now would lose an edit in progress. */
export function hasUnsavedWork(doc: Document = document): boolean {
  if (declared.size > 0) return true;
  if (doc.querySelector('.ag-cell-inline-editing, .ag-popup-editor')) return true;
  for (const el of typed) {
    if (!el.isConnected || el.closest('[data-unsaved-ignore]')) {
      typed.delete(el);
      continue;
    }
    const dialog = el.closest('dialog');
    if (dialog ? dialog.open : el === doc.activeElement) return true;
  }
  return false;
}

/**
 * Installs the page's beforeunload guard and the listeners that notice typing; returns the
 * uninstaller. One per window (main.tsx).
 */
export function installUnloadGuard(win: Window = window): () => void {
  const doc = win.document;
  const onInput = (e: Event) => {
    if (isTextField(e.target)) typed.add(e.target);
  };
  // A field outside a dialog is saved when left (Enter or blur) or not at all: it counts while focused.
  // (The window losing focus blurs the field too, but leaves it the active element: still counted.)
  const onFocusOut = (e: FocusEvent) => {
    const el = e.target;
    if (doc.hasFocus() && el instanceof Element && !el.closest('dialog')) typed.delete(el);
  };
  // A dialog closed (saved or cancelled): its fields no longer hold work.
  const onClose = (e: Event) => {
    const dialog = e.target;
    if (!(dialog instanceof HTMLDialogElement)) return;
    for (const el of typed) if (dialog.contains(el)) typed.delete(el);
  };
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!hasUnsavedWork(doc)) return;
    e.preventDefault();
    // Older engines (and Electron's will-prevent-unload) also look at returnValue.
    e.returnValue = '';
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('focusout', onFocusOut, true);
  // 'close' does not bubble; capture sees it on its way to the dialog.
  doc.addEventListener('close', onClose, true);
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('focusout', onFocusOut, true);
    doc.removeEventListener('close', onClose, true);
    win.removeEventListener('beforeunload', onBeforeUnload);
    typed.clear();
  };
}
