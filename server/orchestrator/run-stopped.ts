/**
 * The reason a run's signal is aborted with when the server, not the client, stops it: the run
 * ends with an `error` event carrying this code and message instead of `CANCELLED`.
 */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
  constructor(
    readonly code: 'SHUTTING_DOWN',
    message: string,
  ) {
    super(message);
  }
}
