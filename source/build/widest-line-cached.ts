/**
 * Stands in for `widest-line` inside the bundle: Ink measures every text node of every frame with
 * it, and the screen's lines are mostly the ones of the frame before, so each is measured once and
 * remembered (bounded). The package measures through the bundle's `string-width`, which counts
 * where counting is exact (`string-width-counted.ts`).
 */
import widestLineOf from 'widest-line';
import {remembered} from './remembered.js';

const widestLine = remembered(widestLineOf);
export default widestLine;
