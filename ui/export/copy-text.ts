/**
 * Puts `text` on the clipboard. First a hidden textarea and `document.execCommand('copy')`: it
 * works in Figma's sandboxed plugin iframe, where the Clipboard API is blocked by the permissions
 * policy (and trying it logs a violation), and in the playground. Then, if the browser refused
 * that, `navigator.clipboard.writeText`. Call it from a click handler (both need a user gesture).
 * Rejects with an Error saying what to do when neither works.
 */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  if (copyWithTextarea(text, doc)) return;
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Reported below as the one failure the designer can act on.
    }
  }
  throw new Error('The browser did not let Chorus use the clipboard. Use Download instead.');
}

function copyWithTextarea(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // In the page (execCommand copies only what is attached and selected), never seen or scrolled to.
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '0';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  doc.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
    // The button the designer clicked keeps the focus, for the keyboard.
    focused?.focus();
  }
  return copied;
}
