import { useEffect, useRef, useState } from 'preact/hooks';
import { startBackendRun, type BackendRunHandle, type BackendRunInput, type BackendRunOptions, type BackendRunState } from './backend-run.ts';

export interface BackendRun {
  readonly state: BackendRunState;
  /** Starts a run, cancelling the one before. */
  start(input: BackendRunInput): void;
  /** Runs the last input again, at `serverUrl` (the designer may have changed it). */
  retry(serverUrl: string): void;
  /** Cancels the current run (the designer extracts again) and shows nothing. */
  cancel(): void;
}

const OFF: BackendRunState = { phase: 'off' };

/**
 * The backend's tiers for the palette on screen: one run at a time, cancelled when a new one
 * starts, when `cancel` is called and when the component unmounts.
 */
export function useBackendRun(options: BackendRunOptions = {}): BackendRun {
  const [state, setState] = useState<BackendRunState>(OFF);
  const handle = useRef<BackendRunHandle | null>(null);
  const last = useRef<BackendRunInput | null>(null);
  // Counts runs, so a run's late report cannot overwrite a newer run's state.
  const generation = useRef(0);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const stop = (): number => {
    handle.current?.cancel();
    handle.current = null;
    return ++generation.current;
  };
  const start = (input: BackendRunInput): void => {
    const mine = stop();
    last.current = input;
    handle.current = startBackendRun(
      input,
      (next) => {
        if (generation.current === mine) setState(next);
      },
      optionsRef.current,
    );
  };

  useEffect(
    () => () => {
      handle.current?.cancel();
      handle.current = null;
      generation.current++;
    },
    [],
  );

  return {
    state,
    start,
    retry(serverUrl) {
      if (last.current) start({ ...last.current, serverUrl });
    },
    cancel() {
      stop();
      last.current = null;
      setState(OFF);
    },
  };
}
