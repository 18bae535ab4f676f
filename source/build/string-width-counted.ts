/**
 * Stands in for `string-width` inside the bundle. Its first call compiles Unicode property
 * regular expressions (emoji, East Asian widths) that cost about 70 ms: Ink paid that in the first
 * frame of every screen, to measure spaces and letters. Text whose characters each stand alone is
 * measured by counting (`core/text/text-width`, checked against string-width character by
 * character); anything else, or a call with options, goes to string-width itself.
 */
import stringWidthOf, {type Options} from 'string-width';
import {countedWidth} from '../core/text/text-width.js';

// SGR sequences and well-formed OSC 8 hyperlinks, which take no columns. Anything else with an
// escape, and the soft hyphen (one column to folio, none to string-width), goes to the package.
// eslint-disable-next-line no-control-regex
const styling = /\u001B\[[\d;]*m|\u001B\]8;[\u0020-\u003A\u003C-\u007E\u00A0-\uFFFF]*;[\u0020-\u007E\u00A0-\uFFFF]*\u0007/g;

export default function stringWidth(text: string, options?: Options): number {
	if (options === undefined && typeof text === 'string') {
		const plain = text.includes('\u001B') ? text.replace(styling, '') : text;
		const width = plain.includes('\u001B') || plain.includes('\u00AD') ? undefined : countedWidth(plain);
		if (width !== undefined) {
			return width;
		}
	}

	return stringWidthOf(text, options);
}
