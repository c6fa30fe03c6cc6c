import { render } from 'preact';
import { App } from '../popup/App.tsx';
import { devtoolsConnector } from './connector.ts';

render(<App connector={devtoolsConnector} variant="panel" />, document.getElementById('app')!);
