import {
  pluginMessageSchema,
  uiRequestSchema,
  type PluginMessage,
  type ReplyFor,
  type UiRequest,
} from '../core/messages/plugin-messages.ts';
import { ChorusError } from './chorus-error.ts';
import type { PluginTransport } from './plugin-transport.ts';

export type RequestType = keyof ReplyFor;
/** A request as the caller writes it: the channel adds the `id`. */
export type RequestBody<T extends RequestType> = { type: T } & Omit<Extract<UiRequest, { type: T }>, 'id' | 'type'>;
export type SelectionChanged = Extract<PluginMessage, { type: 'selection-changed' }>;

/** Settings round-trips are instant in Figma; a silent plugin for this long has crashed or was closed. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Exporting several 2048 px frames as PNG can take Figma tens of seconds on a large file. */
export const EXPORT_TIMEOUT_MS = 120_000;

export interface PluginChannelOptions {
  transport: PluginTransport;
  /** Per-request timeout in ms; `export-selection` defaults to EXPORT_TIMEOUT_MS, the rest to DEFAULT_TIMEOUT_MS. */
  timeoutMs?: Partial<Record<RequestType, number>>;
  /** Where dropped messages are reported. Defaults to console.warn. */
  warn?: (message: string) => void;
  /** Prefix of request ids; random by default so a reloaded UI never mistakes an old reply for a new one. */
  idPrefix?: string;
}

export interface PluginChannel {
  /**
   * Sends a request and resolves with the plugin's `<type>-done` reply (matched by id).
   * Rejects with a ChorusError: the plugin's own {code, message} on `failed`, BAD_MESSAGE when
   * the request does not match the contract, INTERNAL on timeout or when the channel is closed.
   */
  request<T extends RequestType>(body: RequestBody<T>): Promise<ReplyFor[T]>;
  /** Listens to the plugin's `selection-changed` pushes. Returns an unsubscribe. */
  onSelectionChanged(listener: (message: SelectionChanged) => void): () => void;
  /** Stops listening and rejects every pending request. */
  close(): void;
}

interface Pending {
  readonly type: RequestType;
  readonly settle: (reply: PluginMessage | ChorusError) => void;
}

/**
 * A request/response channel to the Figma sandbox, replies matched by id (the pattern of
 * Tokens Studio's AsyncMessageChannel). Every incoming message is parsed with the contract's
 * schema; a malformed one is dropped whole with a warning naming the problem.
 */
export function createPluginChannel(options: PluginChannelOptions): PluginChannel {
  const { transport } = options;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const idPrefix = options.idPrefix ?? `ui-${Math.random().toString(36).slice(2, 8)}`;
  const pending = new Map<string, Pending>();
  const selectionListeners = new Set<(message: SelectionChanged) => void>();
  let nextId = 1;

  const timeoutFor = (type: RequestType): number =>
    options.timeoutMs?.[type] ?? (type === 'export-selection' ? EXPORT_TIMEOUT_MS : DEFAULT_TIMEOUT_MS);

  const receive = (raw: unknown): void => {
    const parsed = pluginMessageSchema.safeParse(raw);
    if (!parsed.success) {
      warn(`Chorus ignored a malformed message from the plugin: ${describeIssues(parsed.error.issues)}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'selection-changed') {
      for (const listener of selectionListeners) listener(message);
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) {
      warn(`Chorus ignored a "${message.type}" reply to unknown request "${message.id}" (answered after its timeout?)`);
      return;
    }
    if (message.type !== 'failed' && message.type !== `${waiting.type}-done`) {
      warn(`Chorus ignored a "${message.type}" reply to a "${waiting.type}" request "${message.id}"`);
      waiting.settle(new ChorusError('BAD_MESSAGE', `Figma answered "${waiting.type}" with "${message.type}". Close and reopen Chorus, then try again.`));
      return;
    }
    waiting.settle(message);
  };

  const unlisten = transport.listen(receive);

  return {
    request<T extends RequestType>(body: RequestBody<T>): Promise<ReplyFor[T]> {
      const type: T = body.type;
      const id = `${idPrefix}-${nextId++}`;
      const checked = uiRequestSchema.safeParse({ ...body, id });
      if (!checked.success) {
        return Promise.reject(
          new ChorusError('BAD_MESSAGE', `Chorus built an invalid "${type}" request: ${describeIssues(checked.error.issues)}`),
        );
      }
      return new Promise<ReplyFor[T]>((resolve, reject) => {
        const timeoutMs = timeoutFor(type);
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(
            new ChorusError(
              'INTERNAL',
              `Figma did not answer "${type}" within ${Math.round(timeoutMs / 1000)} s. Close and reopen Chorus, then try again.`,
            ),
          );
        }, timeoutMs);
        pending.set(id, {
          type,
          settle: (reply) => {
            clearTimeout(timer);
            pending.delete(id);
            if (reply instanceof ChorusError) reject(reply);
            else if (reply.type === 'failed') reject(new ChorusError(reply.error.code, reply.error.message));
            // `receive` checked that the reply's type is `${type}-done`, which is exactly ReplyFor[T].
            else resolve(reply as ReplyFor[T]);
          },
        });
        transport.send(checked.data);
      });
    },

    onSelectionChanged(listener) {
      selectionListeners.add(listener);
      return () => selectionListeners.delete(listener);
    },

    close() {
      unlisten();
      selectionListeners.clear();
      for (const waiting of [...pending.values()]) {
        waiting.settle(new ChorusError('INTERNAL', 'Chorus closed before Figma answered.'));
      }
    },
  };
}

/** `palette.0.hex: a lower-case #rrggbb colour; id: …` — short enough for a console line. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(message)'}: ${issue.message}`)
    .join('; ');
}
