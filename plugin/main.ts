import { startPlugin } from './start-plugin.ts';

// The sandbox entry: the only file that reads Figma's globals.
startPlugin(figma, __html__);
