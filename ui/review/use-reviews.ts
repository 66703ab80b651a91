import { useRef, useState } from 'preact/hooks';
import type { Decision, Learning, PluginError, Review } from '../../core/messages/plugin-messages.ts';
import { ChorusError } from '../chorus-error.ts';
import type { PluginChannel } from '../plugin-channel.ts';

export interface ReviewsState {
  /** `loading` until the first list arrives; after that a refresh keeps the list on screen. */
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  /** The flagged styles as last read from the file, less those being resolved right now. */
  readonly reviews: readonly Review[];
  /** Per extractor, how often it agreed with the designer; null until read. */
  readonly learning: Learning | null;
  /** The last thing that went wrong (a read, a resolve, a select), in the plugin's words. */
  readonly problem: PluginError | null;
  /** "Accept all suggestions" is on its way. */
  readonly acceptingAll: boolean;
}

export interface Reviews extends ReviewsState {
  /** Reads the flagged styles and the learning from the file again (`list-reviews`). */
  refresh(): void;
  /** Picks `hex` for a flagged style: it leaves the list at once, and the list is read again once the file has it. */
  resolve(review: Review, hex: string): void;
  /** Every flagged style takes its first (the vote's) candidate. */
  resolveAll(): void;
  /** Selects a source frame on the canvas; resolves false when it is no longer in the file. Never rejects. */
  selectNode(nodeId: string): Promise<boolean>;
}

export interface UseReviewsOptions {
  /** Told of each decision the plugin recorded, e.g. to report it to the backend. */
  readonly onDecisions?: (decisions: readonly Decision[]) => void;
}

const IDLE: ReviewsState = { status: 'idle', reviews: [], learning: null, problem: null, acceptingAll: false };

/**
 * The Review panel's data, always read from the file through the plugin, never kept as truth in
 * memory: a resolve hides its item at once (optimistic), then the list is read again. The plugin
 * answers requests in arrival order, so a list asked for after a resolve already reflects it;
 * only the answer to the latest list request is shown.
 */
export function useReviews(channel: PluginChannel, options: UseReviewsOptions = {}): Reviews {
  const [listed, setListed] = useState<{ status: ReviewsState['status']; reviews: readonly Review[] }>({ status: IDLE.status, reviews: [] });
  const [learning, setLearning] = useState<Learning | null>(null);
  const [problem, setProblem] = useState<PluginError | null>(null);
  const [resolving, setResolving] = useState<ReadonlySet<string>>(new Set());
  const [acceptingAll, setAcceptingAll] = useState(false);
  const latestList = useRef(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const failed = (error: unknown): void => {
    const chorusError = ChorusError.from(error);
    if (chorusError.code === 'INTERNAL') console.error(chorusError);
    setProblem(chorusError.toPluginError());
  };
  const settle = (styleIds: readonly string[]): void =>
    setResolving((now) => {
      const next = new Set(now);
      for (const id of styleIds) next.delete(id);
      return next;
    });

  const refresh = (): void => {
    const mine = ++latestList.current;
    setListed((now) => (now.status === 'ready' ? now : { ...now, status: 'loading' }));
    channel.request({ type: 'list-reviews' }).then(
      (reply) => {
        if (mine !== latestList.current) return;
        setListed({ status: 'ready', reviews: reply.reviews });
        setLearning(reply.learning);
      },
      (error: unknown) => {
        if (mine !== latestList.current) return;
        setListed((now) => (now.status === 'ready' ? now : { ...now, status: 'failed' }));
        failed(error);
      },
    );
  };

  /** After a resolve: drop what the file no longer flags from the list on screen, then read the file again. */
  const resolved = (styleIds: readonly string[], decisions: readonly Decision[], next: Learning): void => {
    setListed((now) => ({ ...now, reviews: now.reviews.filter((r) => !styleIds.includes(r.styleId)) }));
    settle(styleIds);
    setLearning(next);
    setProblem(null);
    if (decisions.length > 0) optionsRef.current.onDecisions?.(decisions);
    refresh();
  };

  const resolve = (review: Review, hex: string): void => {
    const { styleId } = review;
    setResolving((now) => new Set(now).add(styleId));
    channel.request({ type: 'resolve-review', styleId, hex }).then(
      (reply) => resolved([styleId], [reply.decision], reply.learning),
      (error: unknown) => {
        settle([styleId]);
        failed(error);
        refresh();
      },
    );
  };

  const resolveAll = (): void => {
    const styleIds = listed.reviews.map((r) => r.styleId);
    setAcceptingAll(true);
    setResolving((now) => new Set([...now, ...styleIds]));
    channel
      .request({ type: 'resolve-all-reviews' })
      .then(
        (reply) => resolved(styleIds, reply.decisions, reply.learning),
        (error: unknown) => {
          settle(styleIds);
          failed(error);
          refresh();
        },
      )
      .finally(() => setAcceptingAll(false));
  };

  const selectNode = (nodeId: string): Promise<boolean> =>
    channel.request({ type: 'select-node', nodeId }).then(
      (reply) => reply.found,
      (error: unknown) => {
        failed(error);
        return false;
      },
    );

  return {
    status: listed.status,
    reviews: listed.reviews.filter((r) => !resolving.has(r.styleId)),
    learning,
    problem,
    acceptingAll,
    refresh,
    resolve,
    resolveAll,
    selectNode,
  };
}
