/**
 * Stands in for `widest-line` inside the bundle: Ink measures every text node of every frame with
 * it, and string-width measures a line that is not plain ASCII with its grapheme segmenter. The
 * screen's lines are mostly the ones of the frame before, so each is measured once and remembered
 * (bounded); a line of characters that each stand alone is measured by counting
 * (`core/text/text-width`, checked against string-width character by character).
 */
import widestLineOf from 'widest-line';
import {countedWidth as counted} from '../core/text/text-width.js';

const capacity = 4096;
const widths = new Map<string, number>();
// SGR sequences and well-formed OSC 8 hyperlinks, which take no columns. Anything else with an
// escape, and the soft hyphen (one column to folio, none to string-width), goes to the package.
// eslint-disable-next-line no-control-regex
const styling = /\u001B\[[\d;]*m|\u001B\]8;[\u0020-\u003A\u003C-\u007E\u00A0-\uFFFF]*;[\u0020-\u007E\u00A0-\uFFFF]*\u0007/g;

export default function widestLine(text: string): number {
	let width = widths.get(text);
	if (width === undefined) {
		if (widths.size >= capacity) {
			widths.clear();
		}

		width = countedWidth(text) ?? widestLineOf(text);
		widths.set(text, width);
	}

	return width;
}

function countedWidth(text: string): number | undefined {
	const plain = text.includes('\u001B') ? text.replace(styling, '') : text;
	return plain.includes('\u001B') || plain.includes('\u00AD') ? undefined : counted(plain);
}
