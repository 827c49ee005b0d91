/** Entry of the warehouse console (/console/): a desktop page, separate from the handheld's bundle. */
import { render } from 'preact';
import { Console } from './console.js';
import './console.css';

render(<Console />, document.getElementById('console')!);
