import { mkdir, open, readFile, rename, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { BudgetError } from './budget-error.ts';
import { ledgerRecordSchema, type LedgerRecord } from './ledger-record.ts';
import type { LedgerStore } from './ledger-store.ts';

/** The ledger's file name inside the data directory. */
export const LEDGER_FILE_NAME = 'ledger.jsonl';

/**
 * A `LedgerStore` on Node: `<dataDirectory>/ledger.jsonl`, one JSON record per line, each append
 * fsynced before it resolves. One server process per data directory: two processes appending to
 * one file would each enforce the cap on only their own half.
 *
 * A crash mid-append can leave a torn last line; `load` leaves it out (that append never resolved,
 * so no caller was told the money was held) and the next append first cuts it off. A damaged line
 * anywhere else throws `BudgetError('LEDGER_CORRUPT')`.
 */
export class FileLedgerStore implements LedgerStore {
  readonly path: string;
  #handle: FileHandle | undefined;
  /** Serialises file operations, so lines never interleave and a rewrite never races an append. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataDirectory: string) {
    this.path = join(dataDirectory, LEDGER_FILE_NAME);
  }

  async load(): Promise<LedgerRecord[]> {
    return this.#serially(async () => parseLedger(await readIfExists(this.path), this.path));
  }

  async append(record: LedgerRecord): Promise<void> {
    const line = `${JSON.stringify(ledgerRecordSchema.parse(record))}\n`;
    return this.#serially(async () => {
      const handle = await this.#appendHandle();
      await handle.appendFile(line, 'utf8');
      await handle.sync();
    });
  }

  async rewrite(records: readonly LedgerRecord[]): Promise<void> {
    const text = records.map((record) => `${JSON.stringify(ledgerRecordSchema.parse(record))}\n`).join('');
    return this.#serially(async () => {
      await mkdir(this.dataDirectory, { recursive: true });
      // The append handle points at the file about to be replaced: close it, reopen after.
      await this.#closeHandle();
      const temporary = `${this.path}.tmp-${process.pid}`;
      const handle = await open(temporary, 'w');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.path);
      await syncDirectory(this.dataDirectory);
    });
  }

  /** Closes the append handle; a later append reopens it. */
  async close(): Promise<void> {
    return this.#serially(() => this.#closeHandle());
  }

  async #appendHandle(): Promise<FileHandle> {
    if (this.#handle) return this.#handle;
    await mkdir(this.dataDirectory, { recursive: true });
    // Cut a torn tail off first, or the next record would be glued to it and corrupt both.
    const text = await readIfExists(this.path);
    if (text !== '' && !text.endsWith('\n')) {
      await truncate(this.path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1), 'utf8'));
    }
    this.#handle = await open(this.path, 'a');
    return this.#handle;
  }

  async #closeHandle(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }

  #serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** Records of a ledger file's text; see `FileLedgerStore` for what a torn or damaged line does. */
function parseLedger(text: string, path: string): LedgerRecord[] {
  const lines = text.split('\n');
  // After the last '\n' is '' for a whole file, or the torn remains of an interrupted append.
  const tail = lines.pop() ?? '';
  const records: LedgerRecord[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = parseRecord(line);
    if (!record) {
      throw new BudgetError(
        'LEDGER_CORRUPT',
        `The spend ledger ${path} has a damaged record on line ${index + 1}, so today's spend is unknown. Fix or remove that line (removing it forgets that spend), then restart.`,
      );
    }
    records.push(record);
  });
  // A complete record that only lacks its newline is kept: counting it can only over-count spend.
  const tailRecord = tail.trim() === '' ? undefined : parseRecord(tail);
  if (tailRecord) records.push(tailRecord);
  return records;
}

function parseRecord(line: string): LedgerRecord | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = ledgerRecordSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return '';
    throw error;
  }
}

/** Makes a rename durable. Windows cannot open a directory for fsync; there the rename is as durable as NTFS makes it. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
