// `npm run check:providers`: one tiny real call per configured model; see run-check-providers.ts.
import { runCheckProviders } from './run-check-providers.ts';

process.exitCode = await runCheckProviders(process.env, { stdout: (text) => process.stdout.write(text) });
