import type {ArticleInfo} from '../article/article.js';
import {withoutLastCharacter} from '../text/fit.js';
import {commonCommand, keyOverHelp} from '../keys/common-keys.js';
import {commandFor} from '../keys/keymap.js';
import {mouseFromKeyName, wheelLines, type MouseEvent} from '../keys/mouse.js';
import {listWindowStart, moveBy} from '../keys/movement.js';
import {step, type ExitEffect, type Step} from '../keys/step.js';
import {visibleItems} from './filter.js';

/**
 * What the reading state adds to an article's description in a listing. The library screen,
 * `list --json` and `stats` show `ArticleInfo & ReadingStats`.
 */
export type ReadingStats = {
	views: number;
	/** 0–100: how far the reader got. */
	progress: number;
	/** ISO time of the last view or saved position. */
	lastRead?: string;
};

export const sortOrders = ['title', 'date', 'recent', 'views'] as const;
export type SortOrder = typeof sortOrders[number];

export const sortLabels: Record<SortOrder, string> = {title: 'title', date: 'date', recent: 'recently read', views: 'most viewed'};

export type LibraryState = {
	cursor: number;
	/** The filter text; `filtering` while it is being typed. */
	filter: string;
	filtering: boolean;
	sort: SortOrder;
	help: boolean;
	/** Matches in the articles' text for `textQuery`, listed below the title matches. */
	textMatches: TextMatch[];
	/** The filter the text matches were found for; they are shown only while it is the filter. */
	textQuery: string;
	/** Lines the help screen is scrolled by. */
	helpOffset?: number;
};

/** A place in an article's text where the filter's words are (see `folio search`). */
export type TextMatch = {
	id: string;
	title: string;
	/** The section's heading and slug; '' before the first heading. */
	section: string;
	slug: string;
	/** Plain text around the match, and where the words are in it, `[start, end)`. */
	snippet: string;
	highlights: Array<[number, number]>;
};

/** Where to go in an article opened from a text match: the section, then the first match of `query`. */
export type FindInArticle = {query: string; slug: string};

/**
 * The work a library step asks for: open an article (Enter), at a text match when `find` is
 * given; look for the filter in the articles' text (`query` '' to stop); or leave.
 */
export type LibraryEffect = {kind: 'open'; id: string; find?: FindInArticle} | {kind: 'searchText'; query: string} | ExitEffect;

/** What the library screen reacts to: a key, or text matches found for a filter. */
export type LibraryMessage = {kind: 'key'; key: string} | {kind: 'textMatches'; query: string; matches: TextMatch[]};

export type LibraryStep = Step<LibraryState, LibraryEffect>;

export function initialLibraryState(): LibraryState {
	return {cursor: 0, filter: '', filtering: false, sort: 'title', help: false, textMatches: [], textQuery: ''};
}

/** The text matches to show: those found for the current filter, none without one. */
export function shownTextMatches(state: Pick<LibraryState, 'filter' | 'textQuery' | 'textMatches'>): TextMatch[] {
	return state.filter.trim() !== '' && state.textQuery === state.filter ? state.textMatches : [];
}

/**
 * Apply a message to the library screen: keys through `libraryKey`; text matches are kept
 * when they are for the filter as it is now (a slow search for an older filter is dropped).
 */
export function libraryStep(state: LibraryState, message: LibraryMessage, items: Array<ArticleInfo & ReadingStats>, page: number, width = 80): LibraryStep {
	if (message.kind === 'key') {
		return libraryKey(state, message.key, items, page, width);
	}

	return message.query === state.filter ? step({...state, textMatches: message.matches, textQuery: message.query}) : step(state);
}

/** One line of the library's list: an article (a title match), the text matches' heading, or a text match. */
export type LibraryLine =
	| {kind: 'article'; item: ArticleInfo & ReadingStats; row: number}
	| {kind: 'heading'}
	| {kind: 'match'; match: TextMatch; row: number};

/**
 * The lines of the list on screen, `page` lines high, and the first one's place in the whole
 * list: the title rows, then the text matches under a heading, the cursor's line in the middle
 * where it can. `row` is the cursor's index of a line; the heading is not a place the cursor can
 * be. Only the lines shown are made: a filter over 10,000 articles redraws on every key.
 */
export function libraryWindow(state: LibraryState, rows: Array<ArticleInfo & ReadingStats>, page: number): {start: number; lines: LibraryLine[]} {
	const matches = shownTextMatches(state);
	const heading = matches.length > 0 ? 1 : 0;
	const count = rows.length + heading + matches.length;
	// The cursor's line: a title row's is its row, a text match's is one further down (the heading).
	const cursorLine = state.cursor < rows.length ? state.cursor : state.cursor < rows.length + matches.length ? state.cursor + heading : 0;
	const start = listWindowStart(count, page, cursorLine);
	const lines: LibraryLine[] = [];
	for (let index = start; index < Math.min(count, start + page); index++) {
		if (index < rows.length) {
			lines.push({kind: 'article', item: rows[index], row: index});
		} else if (index === rows.length && heading === 1) {
			lines.push({kind: 'heading'});
		} else {
			const row = index - heading;
			lines.push({kind: 'match', match: matches[row - rows.length], row});
		}
	}

	return {start, lines};
}

/** The word a text match found, as it is written in the snippet: what the reader searches for. */
export function matchedWord(match: TextMatch): string {
	const [start, end] = match.highlights[0] ?? [0, 0];
	return match.snippet.slice(start, end).toLowerCase();
}

/** Open what the cursor is on: a title row, or a text match below them. */
function openAt(state: LibraryState, rows: Array<ArticleInfo & ReadingStats>, cursor: number): LibraryEffect | undefined {
	if (cursor < rows.length) {
		return {kind: 'open', id: rows[cursor].id};
	}

	const match = shownTextMatches(state)[cursor - rows.length];
	if (!match) {
		return undefined;
	}

	const query = matchedWord(match);
	return {kind: 'open', id: match.id, find: query === '' ? undefined : {query, slug: match.slug}};
}

/** A new filter: the cursor goes back to the top and the text is searched again. */
function withFilter(state: LibraryState, filter: string): LibraryStep {
	return step({...state, filter, cursor: 0}, {kind: 'searchText', query: filter});
}

/**
 * Apply one key to the library screen. `count` is the number of visible rows after filtering,
 * `page` the rows on screen.
 */
export function libraryKey(state: LibraryState, key: string, items: Array<ArticleInfo & ReadingStats>, page: number, width = 80): LibraryStep {
	const mouse = mouseFromKeyName(key);
	if (state.help) {
		// The wheel does not close help; a key does.
		// Help covers the whole frame: the list's rows, the title and the footer.
		return mouse ? step(state) : keyOverHelp(state, key, {screens: ['library'], width, height: page + 2});
	}

	if (state.filtering) {
		return editFilter(state, key, items);
	}

	const rows = visibleItems(items, state);
	const last = Math.max(0, rows.length + shownTextMatches(state).length - 1);
	if (mouse) {
		return step(libraryMouse(state, mouse, rows, page));
	}

	const command = commandFor('library', key);
	const target = command && moveBy(command, state.cursor, page, last);
	if (target !== undefined) {
		return step({...state, cursor: Math.max(0, Math.min(last, target))});
	}

	const common = command && commonCommand(state, command);
	if (common) {
		return common;
	}

	switch (command) {
		case 'select': {
			const open = openAt(state, rows, state.cursor);
			return open ? step(state, open) : step(state);
		}

		case 'filter': {
			return step({...state, filtering: true});
		}

		case 'cycleSort': {
			// The cursor stays on the article it was on, wherever the new order puts it.
			const sort = sortOrders[(sortOrders.indexOf(state.sort) + 1) % sortOrders.length];
			const selected = rows[state.cursor]?.id;
			const cursor = selected === undefined ? state.cursor : visibleItems(items, {...state, sort}).findIndex(item => item.id === selected);
			return step({...state, sort, cursor: Math.max(0, cursor)});
		}

		case 'back': {
			return clearFilter(state, items);
		}

		default: {
			return step(state);
		}
	}
}

function editFilter(state: LibraryState, key: string, items: Array<ArticleInfo & ReadingStats>): LibraryStep {
	switch (key) {
		case 'escape': {
			return clearFilter(state, items);
		}

		case 'ctrl+c': {
			return step(state, {kind: 'exit', how: 'interrupt'});
		}

		case 'enter': {
			// On a text match, or on the only title left: Enter opens it, as if it had been selected.
			const rows = visibleItems(items, state);
			const done = {...state, filtering: false};
			const open = state.cursor >= rows.length || (rows.length === 1 && shownTextMatches(state).length === 0) ? openAt(state, rows, state.cursor) : undefined;
			return open ? step(done, open) : step(done);
		}

		case 'down':
		case 'up': {
			const count = visibleItems(items, state).length + shownTextMatches(state).length;
			const cursor = state.cursor + (key === 'down' ? 1 : -1);
			return step({...state, cursor: Math.max(0, Math.min(count - 1, cursor))});
		}

		case 'backspace': {
			// Backspace on an empty filter closes it, as on a vim or less command line.
			return state.filter === '' ? clearFilter(state, items) : withFilter(state, withoutLastCharacter(state.filter));
		}

		case 'space': {
			return withFilter(state, state.filter + ' ');
		}

		default: {
			// eslint-disable-next-line no-control-regex
			return [...key].length === 1 && !/[\u0000-\u001F\u007F-\u009F]/.test(key) ? withFilter(state, state.filter + key) : step(state);
		}
	}
}

/**
 * The wheel moves the selection `wheelLines` rows; a left click on a row selects it. The list
 * starts on the screen's second row, under the title.
 */
function libraryMouse(state: LibraryState, mouse: MouseEvent, rows: Array<ArticleInfo & ReadingStats>, page: number): LibraryState {
	const selectable = rows.length + shownTextMatches(state).length;
	if (mouse.action === 'wheelUp' || mouse.action === 'wheelDown') {
		const cursor = state.cursor + (mouse.action === 'wheelDown' ? wheelLines : -wheelLines);
		return {...state, cursor: Math.max(0, Math.min(Math.max(0, selectable - 1), cursor))};
	}

	const line = mouse.action === 'press' && mouse.button === 0 && mouse.row >= 1 && mouse.row <= page
		? libraryWindow(state, rows, page).lines[mouse.row - 1]
		: undefined;
	return line && line.kind !== 'heading' ? {...state, cursor: line.row} : state;
}

/**
 * Esc: the filter is cleared and the selected article stays selected, now in the whole list (a
 * text match selects its article).
 */
function clearFilter(state: LibraryState, items: Array<ArticleInfo & ReadingStats>): LibraryStep {
	const rows = visibleItems(items, state);
	const selected = state.cursor < rows.length ? rows[state.cursor]?.id : shownTextMatches(state)[state.cursor - rows.length]?.id;
	const cleared = {...state, filtering: false, filter: ''};
	const cursor = selected === undefined ? 0 : visibleItems(items, cleared).findIndex(item => item.id === selected);
	return step({...cleared, cursor: Math.max(0, cursor)}, {kind: 'searchText', query: ''});
}
