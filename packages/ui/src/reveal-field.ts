/**
 * Makes a field element reachable and focuses its input: when it sits on a hidden tab panel
 * of a `FormTabs` group, that panel's tab is clicked first (the panel opens on the next
 * render), then the first input, select or textarea of the field is focused. Returns
 * whether there was something to focus.
 *
 * @example revealField(document.querySelector('.tr-field-invalid'))
 */
export function revealField(field: Element | null, attempts = 3): boolean {
  if (field === null) return false;
  const panel = field.closest('[role="tabpanel"]');
  const focusInput = () => field.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, [contenteditable="true"], button')?.focus();
  if (panel instanceof HTMLElement && panel.hidden && attempts > 0) {
    const tab = document.getElementById(panel.getAttribute('aria-labelledby') ?? '');
    tab?.click();
    // the panel is shown once React has re-rendered; give it one frame
    requestAnimationFrame(() => {
      revealField(field, attempts - 1);
    });
    return true;
  }
  focusInput();
  return true;
}

/**
 * Focuses the first field with an error inside `root` (default: the document), opening its
 * tab when it is on a hidden one. What a form page calls after a refused submit.
 *
 * @example focusFirstInvalidField(formElement)
 */
export function focusFirstInvalidField(root: ParentNode = document): boolean {
  return revealField(root.querySelector('.tr-field-invalid'));
}
