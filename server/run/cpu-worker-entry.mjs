// The CPU worker's entry in plain JavaScript: registers tsx's loader in this thread, then loads the
// TypeScript worker (workers do not take `--import` on every Node version the server supports).
import { register } from 'tsx/esm/api';

register();
await import('./cpu-worker.ts');
