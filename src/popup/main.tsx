import { render } from 'preact';
import { App } from './App.tsx';
import { browserConnector } from './connector.ts';

render(<App connector={browserConnector} />, document.getElementById('app')!);
