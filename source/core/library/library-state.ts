import type {ArticleInfo} from '../article/article.js';
import {fuzzyScore} from '../text/fuzzy.js';
import {commonCommand, keyOverHelp} from '../keys/common-keys.js';
import {commandFor} from '../keys/keymap.js';
import {mouseFromKeyName, wheelLines, type MouseEvent} from '../keys/mouse.js';
import {listWindowStart, moveBy} from '../keys/movement.js';
import {step, type ExitEffect, type Step} from '../keys/step.js';

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
};

/** The work a library step asks for: open an article (Enter), or leave. */
export type LibraryEffect = {kind: 'open'; id: string} | ExitEffect;

export type LibraryStep = Step<LibraryState, LibraryEffect>;

export function initialLibraryState(): LibraryState {
	return {cursor: 0, filter: '', filtering: false, sort: 'title', help: false};
}

const lastVisible = new WeakMap<Array<ArticleInfo & ReadingStats>, {filter: string; sort: SortOrder; rows: Array<ArticleInfo & ReadingStats>}>();

/**
 * The rows to show, filtered by the fuzzy filter and sorted. The last result per list is kept:
 * the key handler and the screen both ask for it on every key.
 */
export function visibleItems(items: Array<ArticleInfo & ReadingStats>, state: Pick<LibraryState, 'filter' | 'sort'>): Array<ArticleInfo & ReadingStats> {
	const cached = lastVisible.get(items);
	if (cached?.filter === state.filter && cached.sort === state.sort) {
		return cached.rows;
	}

	const rows = filterAndSort(items, state);
	lastVisible.set(items, {filter: state.filter, sort: state.sort, rows});
	return rows;
}

function filterAndSort(items: Array<ArticleInfo & ReadingStats>, state: Pick<LibraryState, 'filter' | 'sort'>): Array<ArticleInfo & ReadingStats> {
	const scored = items
		.map(item => ({item, score: state.filter === '' ? 0 : bestScore(state.filter, item)}))
		.filter((entry): entry is {item: ArticleInfo & ReadingStats; score: number} => entry.score !== undefined);
	const order = compareBy(state.sort);
	scored.sort((a, b) => (b.score - a.score) || order(a.item, b.item));
	return scored.map(entry => entry.item);
}

function bestScore(filter: string, item: ArticleInfo & ReadingStats): number | undefined {
	const fields = [item.title, item.category ?? '', item.tags.join(' '), item.id];
	const scores = fields.map(field => fuzzyScore(filter, field)).filter((score): score is number => score !== undefined);
	return scores.length > 0 ? Math.max(...scores) : undefined;
}

function compareBy(sort: SortOrder): (a: ArticleInfo & ReadingStats, b: ArticleInfo & ReadingStats) => number {
	const byTitle = (a: ArticleInfo & ReadingStats, b: ArticleInfo & ReadingStats) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
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
export function libraryKey(state: LibraryState, key: string, items: Array<ArticleInfo & ReadingStats>, page: number): LibraryStep {
	const mouse = mouseFromKeyName(key);
	if (state.help) {
		// The wheel does not close help; a key does.
		return mouse ? step(state) : keyOverHelp(state, key);
	}

	if (state.filtering) {
		return editFilter(state, key, items);
	}

	const rows = visibleItems(items, state);
	const last = Math.max(0, rows.length - 1);
	if (mouse) {
		return step(libraryMouse(state, mouse, rows.length, page));
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
			const item = rows[state.cursor];
			return item ? step(state, {kind: 'open', id: item.id}) : step(state);
		}

		case 'filter': {
			return step({...state, filtering: true});
		}

		case 'cycleSort': {
			const sort = sortOrders[(sortOrders.indexOf(state.sort) + 1) % sortOrders.length];
			return step({...state, sort, cursor: 0});
		}

		case 'back': {
			return step({...state, filter: '', cursor: 0});
		}

		default: {
			return step(state);
		}
	}
}

function editFilter(state: LibraryState, key: string, items: Array<ArticleInfo & ReadingStats>): LibraryStep {
	switch (key) {
		case 'escape': {
			return step({...state, filtering: false, filter: '', cursor: 0});
		}

		case 'ctrl+c': {
			return step(state, {kind: 'exit', how: 'interrupt'});
		}

		case 'enter': {
			// One match left: Enter opens it, as if it had been selected.
			const rows = visibleItems(items, state);
			const done = {...state, filtering: false};
			return rows.length === 1 ? step(done, {kind: 'open', id: rows[0].id}) : step(done);
		}

		case 'down':
		case 'up': {
			const rows = visibleItems(items, state);
			const cursor = state.cursor + (key === 'down' ? 1 : -1);
			return step({...state, cursor: Math.max(0, Math.min(rows.length - 1, cursor))});
		}

		case 'backspace': {
			return step({...state, filter: state.filter.slice(0, -1), cursor: 0});
		}

		case 'space': {
			return step({...state, filter: state.filter + ' ', cursor: 0});
		}

		default: {
			return step([...key].length === 1 ? {...state, filter: state.filter + key, cursor: 0} : state);
		}
	}
}

/**
 * The wheel moves the selection `wheelLines` rows; a left click on a row selects it. The list
 * starts on the screen's second row, under the title.
 */
function libraryMouse(state: LibraryState, mouse: MouseEvent, count: number, page: number): LibraryState {
	const last = Math.max(0, count - 1);
	if (mouse.action === 'wheelUp' || mouse.action === 'wheelDown') {
		const cursor = state.cursor + (mouse.action === 'wheelDown' ? wheelLines : -wheelLines);
		return {...state, cursor: Math.max(0, Math.min(last, cursor))};
	}

	const index = listWindowStart(count, page, state.cursor) + mouse.row - 1;
	const onRow = mouse.action === 'press' && mouse.button === 0 && mouse.row >= 1 && mouse.row <= page && index < count;
	return onRow ? {...state, cursor: index} : state;
}
