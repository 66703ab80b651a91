import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { startPlugin } from './start-plugin.ts';

// zod/mini ships no messages of its own: without English, a malformed request would be answered
// "Invalid input" instead of saying which field is wrong.
config(en());

// The sandbox entry: the only file that reads Figma's globals.
startPlugin(figma, __html__);
