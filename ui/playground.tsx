import { render } from 'preact';
import { App } from './app.tsx';
import { createBrowserHost } from './host/browser/create-browser-host.ts';
import playgroundStyles from './playground.css';
import styles from './styles.css';

// The plugin's styles, then the page around them: the same look as in Figma, centred on a desktop.
for (const text of [styles, playgroundStyles]) {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
}

const root = document.getElementById('app');
if (!root) throw new Error('ui/playground.html has no #app element');
render(<App host={createBrowserHost({ pageUrl: location.href, storage: localStorage })} />, root);

// On a server with a token, the dashboard needs it too: the footer's link carries the page's.
const token = new URLSearchParams(location.search).get('token');
const dashboard = document.getElementById('dashboard-link');
if (token && dashboard instanceof HTMLAnchorElement) dashboard.search = `?token=${encodeURIComponent(token)}`;
