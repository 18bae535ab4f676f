/**
 * Stands in for `string-width` inside the bundle. Its first call compiles Unicode property
 * regular expressions (emoji, East Asian widths) that cost about 70 ms: Ink paid that in the first
 * frame of every screen, to measure spaces and letters. Text whose characters each stand alone is
 * measured by counting (`core/text/text-width`, checked against string-width character by
 * character); anything else, or a call with options, goes to string-width itself.
 */
import {createRequire} from 'node:module';
import type stringWidthFunction from 'string-width';
import type {Options} from 'string-width';
import {countedWidth} from '../core/text/text-width.js';
import {stylingSequence} from './styling.js';

let real: typeof stringWidthFunction | undefined;

/**
 * string-width itself, evaluated the first time it is needed: the module compiles its emoji
 * regular expression as it loads (about 40 ms), which every screen paid before its first frame
 * though most never measure an emoji. The bundler turns this `require` into a call that
 * evaluates the bundled module then, the one copy `text-width`'s `import()` shares. From source
 * (tests, through tsx) the other branch runs, and tsx's hook loads the package as a CommonJS
 * copy of its own: the same widths, measured by a second instance.
 */
function realStringWidth(): typeof stringWidthFunction {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate: a lazily evaluated bundled module
	real ??= (typeof require === 'function' ? require('string-width') : createRequire(import.meta.url)('string-width')).default as typeof stringWidthFunction;
	return real;
}

// Anything with another escape, and the soft hyphen (one column to folio, none to string-width),
// goes to the package.
const styling = new RegExp(stylingSequence, 'g');

export default function stringWidth(text: string, options?: Options): number {
	if (options === undefined && typeof text === 'string') {
		const plain = text.includes('\u001B') ? text.replace(styling, '') : text;
		const width = plain.includes('\u001B') || plain.includes('\u00AD') ? undefined : countedWidth(plain);
		if (width !== undefined) {
			return width;
		}
	}

	return realStringWidth()(text, options);
}
