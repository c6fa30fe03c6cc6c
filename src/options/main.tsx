import { render } from 'preact';
import { OptionsApp } from './App.tsx';
import { browserOptionsConnector } from './connector.ts';

render(<OptionsApp connector={browserOptionsConnector} />, document.getElementById('app')!);
