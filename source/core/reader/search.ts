import {step} from '../keys/step.js';
import {clampOffset} from './position.js';
import type {ReaderDocument} from './reader-document.js';
import {needs, type ReaderState, type ReaderStep} from './reader-state.js';
import {monoTheme, paint} from '../theme/theme.js';

/** Keys while a search is being typed after `/`. */
export function editSearch(state: ReaderState, key: string, document: ReaderDocument, height: number): ReaderStep {
	const draft = state.draft ?? '';
	switch (key) {
		case 'escape':
		case 'ctrl+c': {
			return step({...state, draft: undefined});
		}

		case 'backspace': {
			return step(draft === '' ? {...state, draft: undefined} : {...state, draft: draft.slice(0, -1)});
		}

		case 'enter': {
			const query = draft === '' ? state.query : draft;
			if (document.full) {
				return searchFromEnd(state, query, document, document.full, height);
			}

			// An empty search repeats the last one onwards from its match, as n does (and / Enter in less and vim).
			const again = draft === '' && state.query !== '' && state.matchLine >= 0;
			const next = again
				? jumpToMatch({...state, draft: undefined}, document, height, 1)
				: jumpToMatch({...state, draft: undefined, query, matchLine: state.offset - 1}, document, height, 1, true);
			// Until the document is rendered the search is still being typed: the key applies again.
			return next.effects.some(effect => effect.kind === 'render') ? needs(state, 'all') : next;
		}

		default: {
			// eslint-disable-next-line no-control-regex
			if ([...key].length !== 1 || /[\u0000-\u001F\u007F-\u009F]/.test(key)) {
				return step(key === 'space' ? {...state, draft: draft + ' '} : state);
			}

			return step({...state, draft: draft + key});
		}
	}
}

/** The status of a match found in the end of a document before the whole is rendered to count them. */
export const countingMatches = 'match (counting the rest…)';

/** `match 3 of 12`: where a match line is among a document's matches. */
export function matchMessage(document: ReaderDocument, query: string, line: number): string {
	const matches = document.findMatches(query);
	return `match ${matches.indexOf(line) + 1} of ${matches.length}`;
}

/**
 * A search typed on the end of a document shown before the whole had rendered: a match below
 * the top line is shown there. With none, it wraps to the first match in the whole document,
 * which renders from the top, so a match already rendered there is the first. Otherwise (or for
 * an empty search) it waits for the whole document.
 */
function searchFromEnd(state: ReaderState, query: string, end: ReaderDocument, whole: ReaderDocument, height: number): ReaderStep {
	if (query === '') {
		return needs(state, 'all');
	}

	const below = end.findMatches(query).find(line => line >= state.offset);
	if (below !== undefined) {
		// Which match of how many is told once the whole document has rendered (the view counts then).
		return step({...state, draft: undefined, query, matchLine: below, offset: clampOffset(end, below, height), message: countingMatches});
	}

	const first = whole.findMatches(query)[0];
	if (first === undefined || first + height > whole.lineCount) {
		return needs(state, 'all');
	}

	return step({...state, draft: undefined, query, matchLine: first, offset: first, message: 'search wrapped to the top'}, {kind: 'showWhole'});
}

/** Go to the next (or previous) line holding the query, wrapping around; the whole document is searched. */
export function jumpToMatch(state: ReaderState, document: ReaderDocument, height: number, direction: 1 | -1, fromOffset = false): ReaderStep {
	if (state.query === '') {
		return step({...state, message: 'no search yet: press / to search'});
	}

	if (!document.complete) {
		return needs(state, 'all');
	}

	const matches = document.findMatches(state.query);
	if (matches.length === 0) {
		return step({...state, matchLine: -1, message: `not found: ${state.query}`});
	}

	const from = fromOffset ? state.offset - 1 : state.matchLine >= 0 ? state.matchLine : state.offset;
	let target = direction === 1 ? matches.find(line => line > from) : matches.findLast(line => line < from);
	let message: string | undefined;
	if (target === undefined) {
		target = direction === 1 ? matches[0] : matches.at(-1)!;
		message = direction === 1 ? 'search wrapped to the top' : 'search wrapped to the bottom';
	}

	return step({
		...state,
		matchLine: target,
		offset: clampOffset(document, target, height),
		message: message ?? matchMessage(document, state.query, target),
	});
}

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
		// A match that ends inside a letter (cafe in café written with a combining accent) is lit
		// to the letter's end: an accent drawn after the colour's end would lose its letter.
		const end = throughMarks(plain, at + needle.length);
		out += plain.slice(from, at) + mark(plain.slice(at, end));
		from = end;
		at = haystack.indexOf(needle, from);
	}

	return out + plain.slice(from);
}

/** `index`, moved past the combining marks that follow it. */
function throughMarks(text: string, index: number): number {
	let end = index;
	while (end < text.length && combiningMark.test(text[end])) {
		end++;
	}

	return end;
}

const combiningMark = /\p{M}/u;
