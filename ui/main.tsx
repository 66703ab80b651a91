import { render } from 'preact';
import { App } from './app.tsx';
import { createFigmaHost } from './host/create-figma-host.ts';
import styles from './styles.css';

// Inlined by the build as text, so dist/ui.html stays one self-contained file.
const style = document.createElement('style');
style.textContent = styles;
document.head.append(style);

const root = document.getElementById('app');
if (!root) throw new Error('ui/index.html has no #app element');
render(<App host={createFigmaHost()} />, root);
