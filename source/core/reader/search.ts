import {monoTheme, paint} from '../theme/theme.js';

/** How a match and the current match are drawn: the theme's `searchMatch` and `searchCurrent`. */
export type MatchStyles = {match: (text: string) => string; current: (text: string) => string};

const reverseVideo: MatchStyles = {match: paint(monoTheme.searchMatch), current: paint(monoTheme.searchCurrent)};

/**
 * Show the matches of `query` in a line: the line is redrawn from its plain text with each match
 * in reverse video (the current match also underlined). Lines without a match keep their styling.
 */
export function highlightMatches(styled: string, plain: string, query: string, current: boolean, styles: MatchStyles = reverseVideo): string {
	const caseSensitive = query !== query.toLowerCase();
	const haystack = caseSensitive ? plain : plain.toLowerCase();
	const needle = caseSensitive ? query : query.toLowerCase();
	let at = haystack.indexOf(needle);
	if (at === -1) {
		return styled;
	}

	const mark = current ? styles.current : styles.match;
	let out = '';
	let from = 0;
	while (at !== -1) {
		out += plain.slice(from, at) + mark(plain.slice(at, at + needle.length));
		from = at + needle.length;
		at = haystack.indexOf(needle, from);
	}

	return out + plain.slice(from);
}
