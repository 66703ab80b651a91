import { useEffect, useRef, useState } from 'preact/hooks';
import type { SelectedNode } from './use-selection.ts';

export interface ImageDropProps {
  /** The image in use (the playground's "selection"), or null/empty before the first. */
  readonly nodes: readonly SelectedNode[] | null;
  readonly busy: boolean;
  /** A file the designer dropped, pasted or picked, with a name to show for it. */
  readonly onImage: (file: File, name: string) => void;
}

/**
 * The playground's input, in place of Figma's selection bar: a drop zone that is also a file
 * picker, and a paste (Ctrl/⌘-V) anywhere on the page. A drop anywhere on the page counts too, so
 * a near miss never makes the browser open the image instead. Once an image is in, the zone
 * shrinks to a line with its name.
 */
export function ImageDrop({ nodes, busy, onImage }: ImageDropProps) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const current = nodes?.[0] ?? null;
  const latest = useRef({ busy, onImage });
  latest.current = { busy, onImage };

  useEffect(() => {
    const take = (file: File | null | undefined, fallbackName: string): boolean => {
      if (!file || latest.current.busy) return false;
      latest.current.onImage(file, file.name || fallbackName);
      return true;
    };
    const onPaste = (event: ClipboardEvent): void => {
      // Pasting text into a field is the field's business.
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      const item = [...(event.clipboardData?.items ?? [])].find((i) => i.kind === 'file' && i.type.startsWith('image/'));
      if (take(item?.getAsFile(), 'Pasted image')) event.preventDefault();
    };
    const onDragOver = (event: DragEvent): void => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const onDragLeave = (event: DragEvent): void => {
      // Leaving the window (no element to enter) ends the hover.
      if (event.relatedTarget === null) setOver(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setOver(false);
      take(event.dataTransfer.files[0], 'Dropped image');
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('dragleave', onDragLeave);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('dragleave', onDragLeave);
      document.removeEventListener('drop', onDrop);
    };
  }, []);

  const picker = (
    <input
      ref={input}
      id="image-file"
      class="visually-hidden"
      type="file"
      accept="image/png,image/jpeg,image/webp,image/gif"
      data-testid="image-file"
      disabled={busy}
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        // Cleared, so picking the same file again runs again.
        event.currentTarget.value = '';
        if (file) onImage(file, file.name);
      }}
    />
  );

  if (current) {
    return (
      <section class={`bar drop-bar${over ? ' drop--over' : ''}`} aria-label="Image">
        <div class="bar-text" data-testid="selection">
          <span class="bar-count">Image</span>
          <span class="bar-names" title={current.name}>
            {current.name}
          </span>
        </div>
        {picker}
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? 'Extracting…' : 'Choose another'}
        </button>
      </section>
    );
  }
  return (
    <section class={`drop${over ? ' drop--over' : ''}`} aria-label="Image" data-testid="drop-zone">
      {picker}
      <label class="drop-target" for="image-file">
        <DropIcon />
        <span class="drop-title">Drop a screenshot here</span>
        <span class="hint">
          or paste it (<kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>V</kbd>), or <span class="link">choose a file</span>. PNG, JPEG, WebP or GIF.
        </span>
      </label>
    </section>
  );
}

/** An image glyph with an arrow into it, 32 px. */
function DropIcon() {
  return (
    <svg class="drop-icon" width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="4" y="8" width="24" height="18" rx="2" stroke="currentColor" stroke-width="1.5" fill="none" />
      <path d="M4 22l7-6 5 4 4-3 8 6" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linejoin="round" />
      <circle cx="21" cy="13.5" r="2" stroke="currentColor" stroke-width="1.5" fill="none" />
    </svg>
  );
}
