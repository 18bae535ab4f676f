import {painter} from '../text/style.js';

/**
 * Show the matches of `query` in a line: the line is redrawn from its plain text with each match
 * in reverse video (the current match also underlined). Lines without a match keep their styling.
 */
export function highlightMatches(styled: string, plain: string, query: string, current: boolean): string {
	const caseSensitive = query !== query.toLowerCase();
	const haystack = caseSensitive ? plain : plain.toLowerCase();
	const needle = caseSensitive ? query : query.toLowerCase();
	let at = haystack.indexOf(needle);
	if (at === -1) {
		return styled;
	}

	const ansi = painter('ansi');
	const mark = current ? ansi.inverse.underline : ansi.inverse;
	let out = '';
	let from = 0;
	while (at !== -1) {
		out += plain.slice(from, at) + mark(plain.slice(at, at + needle.length));
		from = at + needle.length;
		at = haystack.indexOf(needle, from);
	}

	return out + plain.slice(from);
}
