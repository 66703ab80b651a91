import { useState } from 'preact/hooks';
import type { PaletteColor } from '../../core/palette/palette-color.ts';
import type { ExportColor } from '../../core/tokens/export-color.ts';
import { formatTokens, TOKEN_FILES, TOKEN_FORMATS, type TokenFormat } from '../../core/tokens/format-tokens.ts';
import { copyText } from './copy-text.ts';
import { downloadText } from './download-text.ts';
import { paletteToExportColors } from './palette-to-export-colors.ts';

/** What each format is called in the menu. */
const FORMAT_LABELS: Readonly<Record<TokenFormat, string>> = {
  dtcg: 'DTCG (W3C design tokens)',
  'tokens-studio': 'Tokens Studio',
  css: 'CSS custom properties',
  json: 'Plain JSON',
};
/** Short names for the status line. */
const FORMAT_NAMES: Readonly<Record<TokenFormat, string>> = { dtcg: 'DTCG', 'tokens-studio': 'Tokens Studio', css: 'CSS', json: 'JSON' };

type Source = 'run' | 'file';
type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

export interface TokenExportProps {
  /** The palette on screen ("This run"), or null before the first run. */
  readonly palette: readonly PaletteColor[] | null;
  /** Reads the Chorus styles already in the file ("Styles in this file"); absent where there is no file. */
  readonly fileColors?: (() => Promise<readonly ExportColor[]>) | undefined;
  /** The style folder the file's styles are read from, for the line that says there are none. */
  readonly folder: string;
}

/**
 * Export tokens: pick a format (DTCG, Tokens Studio, CSS, JSON) and a source (the palette on
 * screen, or the Chorus styles in the file as the designer reviewed them), then Copy to the
 * clipboard or Download a file named as TOKEN_FILES says. One line says what happened.
 */
export function TokenExport({ palette, fileColors, folder }: TokenExportProps) {
  const [format, setFormat] = useState<TokenFormat>('dtcg');
  const [chosenSource, setSource] = useState<Source>('run');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // Before a run there is only the file to export.
  const source: Source = palette === null && fileColors ? 'file' : chosenSource;
  const busy = status.kind === 'working';

  const colorsToExport = async (): Promise<readonly ExportColor[]> => {
    if (source === 'file' && fileColors) return fileColors();
    return paletteToExportColors(palette ?? []);
  };

  const run = (action: 'copy' | 'download'): void => {
    if (busy) return;
    setStatus({ kind: 'working' });
    void (async () => {
      try {
        const colors = await colorsToExport();
        if (colors.length === 0) {
          setStatus({
            kind: 'failed',
            text: source === 'file' ? `No Chorus styles in the “${folder}” folder of this file yet. Create styles first.` : 'No colours to export yet.',
          });
          return;
        }
        const text = formatTokens(colors, format);
        const count = colors.length === 1 ? '1 colour' : `${colors.length} colours`;
        if (action === 'copy') {
          await copyText(text);
          setStatus({ kind: 'done', text: `Copied ${count} as ${FORMAT_NAMES[format]}.` });
        } else {
          const file = TOKEN_FILES[format];
          downloadText(text, file.fileName, file.mediaType);
          setStatus({ kind: 'done', text: `Saved ${count} as ${file.fileName}.` });
        }
      } catch (error) {
        // The plugin's own sentence (a ChorusError), or the clipboard's: each says what to do.
        setStatus({ kind: 'failed', text: error instanceof Error ? error.message : String(error) });
      }
    })();
  };

  return (
    <section class="panel panel--export" aria-labelledby="export-title" data-testid="token-export">
      <div class="export-head">
        <h2 class="export-title" id="export-title">
          Export tokens
        </h2>
        {fileColors && (
          <select
            class="select"
            aria-label="What to export"
            data-testid="export-source"
            value={source}
            disabled={busy}
            onChange={(event) => {
              setSource(event.currentTarget.value === 'file' ? 'file' : 'run');
              setStatus({ kind: 'idle' });
            }}
          >
            <option value="run" disabled={palette === null}>
              This run
            </option>
            <option value="file">Styles in this file</option>
          </select>
        )}
      </div>
      <div class="export-row">
        <select
          class="select select--grow"
          aria-label="Token format"
          data-testid="export-format"
          value={format}
          disabled={busy}
          onChange={(event) => {
            const next = TOKEN_FORMATS.find((f) => f === event.currentTarget.value);
            if (next) setFormat(next);
            setStatus({ kind: 'idle' });
          }}
        >
          {TOKEN_FORMATS.map((f) => (
            <option value={f} key={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => run('copy')}>
          Copy
        </button>
        <button type="button" class="button button--secondary" disabled={busy} onClick={() => run('download')}>
          Download
        </button>
      </div>
      {(status.kind === 'done' || status.kind === 'failed') && (
        <p class={status.kind === 'failed' ? 'problem' : 'summary'} role="status" data-testid="export-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
