import type {ArticleInfo} from '../article/article.js';
import {fuzzyScore} from '../text/fuzzy.js';
import {commonCommand, keyOverHelp} from '../keys/common-keys.js';
import {commandFor} from '../keys/keymap.js';
import {moveBy} from '../keys/movement.js';

/** One row of the library screen: an article with its reading state. */
export type LibraryItem = ArticleInfo & {views: number; progress: number; lastRead?: string};

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
	/** Lines the help screen is scrolled by. */
	helpOffset?: number;
	/** The article chosen with Enter. */
	opened?: string;
	exit?: 'quit' | 'interrupt';
};

export function initialLibraryState(): LibraryState {
	return {cursor: 0, filter: '', filtering: false, sort: 'title', help: false};
}

const lastVisible = new WeakMap<LibraryItem[], {filter: string; sort: SortOrder; rows: LibraryItem[]}>();

/**
 * The rows to show, filtered by the fuzzy filter and sorted. The last result per list is kept:
 * the key handler and the screen both ask for it on every key.
 */
export function visibleItems(items: LibraryItem[], state: Pick<LibraryState, 'filter' | 'sort'>): LibraryItem[] {
	const cached = lastVisible.get(items);
	if (cached?.filter === state.filter && cached.sort === state.sort) {
		return cached.rows;
	}

	const rows = filterAndSort(items, state);
	lastVisible.set(items, {filter: state.filter, sort: state.sort, rows});
	return rows;
}

function filterAndSort(items: LibraryItem[], state: Pick<LibraryState, 'filter' | 'sort'>): LibraryItem[] {
	const scored = items
		.map(item => ({item, score: state.filter === '' ? 0 : bestScore(state.filter, item)}))
		.filter((entry): entry is {item: LibraryItem; score: number} => entry.score !== undefined);
	const order = compareBy(state.sort);
	scored.sort((a, b) => (b.score - a.score) || order(a.item, b.item));
	return scored.map(entry => entry.item);
}

function bestScore(filter: string, item: LibraryItem): number | undefined {
	const fields = [item.title, item.category ?? '', item.tags.join(' '), item.id];
	const scores = fields.map(field => fuzzyScore(filter, field)).filter((score): score is number => score !== undefined);
	return scores.length > 0 ? Math.max(...scores) : undefined;
}

function compareBy(sort: SortOrder): (a: LibraryItem, b: LibraryItem) => number {
	const byTitle = (a: LibraryItem, b: LibraryItem) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
	switch (sort) {
		case 'date': {
			return (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || byTitle(a, b);
		}

		case 'recent': {
			return (a, b) => (b.lastRead ?? '').localeCompare(a.lastRead ?? '') || byTitle(a, b);
		}

		case 'views': {
			return (a, b) => b.views - a.views || byTitle(a, b);
		}

		default: {
			return byTitle;
		}
	}
}

/**
 * Apply one key to the library screen. `count` is the number of visible rows after filtering,
 * `page` the rows on screen.
 */
export function libraryKey(state: LibraryState, key: string, items: LibraryItem[], page: number, width = 80): LibraryState {
	if (state.help) {
		// Help covers the whole frame: the list's rows, the title and the footer.
		return keyOverHelp(state, key, {screens: ['library'], width, height: page + 2});
	}

	if (state.filtering) {
		return editFilter(state, key, items);
	}

	const rows = visibleItems(items, state);
	const last = Math.max(0, rows.length - 1);
	const command = commandFor('library', key);
	const target = command && moveBy(command, state.cursor, page, last);
	if (target !== undefined) {
		return {...state, cursor: Math.max(0, Math.min(last, target))};
	}

	const common = command && commonCommand(state, command);
	if (common) {
		return common;
	}

	switch (command) {
		case 'select': {
			const item = rows[state.cursor];
			return item ? {...state, opened: item.id} : state;
		}

		case 'filter': {
			return {...state, filtering: true};
		}

		case 'cycleSort': {
			const sort = sortOrders[(sortOrders.indexOf(state.sort) + 1) % sortOrders.length];
			return {...state, sort, cursor: 0};
		}

		case 'back': {
			return clearFilter(state, items);
		}

		default: {
			return state;
		}
	}
}

function editFilter(state: LibraryState, key: string, items: LibraryItem[]): LibraryState {
	switch (key) {
		case 'escape': {
			return clearFilter(state, items);
		}

		case 'ctrl+c': {
			return {...state, exit: 'interrupt'};
		}

		case 'enter': {
			const rows = visibleItems(items, state);
			return rows.length === 1 ? {...state, filtering: false, opened: rows[0].id} : {...state, filtering: false};
		}

		case 'down':
		case 'up': {
			const rows = visibleItems(items, state);
			const cursor = state.cursor + (key === 'down' ? 1 : -1);
			return {...state, cursor: Math.max(0, Math.min(rows.length - 1, cursor))};
		}

		case 'backspace': {
			return {...state, filter: state.filter.slice(0, -1), cursor: 0};
		}

		case 'space': {
			return {...state, filter: state.filter + ' ', cursor: 0};
		}

		default: {
			return [...key].length === 1 ? {...state, filter: state.filter + key, cursor: 0} : state;
		}
	}
}

/** Esc: the filter is cleared and the selected article stays selected, now in the whole list. */
function clearFilter(state: LibraryState, items: LibraryItem[]): LibraryState {
	const selected = visibleItems(items, state)[state.cursor];
	const cleared = {...state, filtering: false, filter: ''};
	const cursor = selected ? visibleItems(items, cleared).indexOf(selected) : 0;
	return {...cleared, cursor: Math.max(0, cursor)};
}
