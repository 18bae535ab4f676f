/**
 * The library's rows for a filter and a sort order: the fuzzy title filter, sorted once per list
 * and order, and the last result kept (the key handler and the screen ask for it on every key).
 */
import type {ArticleInfo} from '../article/article.js';
import {collate} from '../text/collate.js';
import {fuzzyQuery, fuzzyScorePrepared} from '../text/fuzzy.js';
import type {LibraryState, ReadingStats, SortOrder} from './library-state.js';

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

/** The items in one sort order, and (once a filter is typed) each one's fields in lower case at the same index. */
type SortedList = {items: Array<ArticleInfo & ReadingStats>; fields?: string[][]};

const sortedLists = new WeakMap<Array<ArticleInfo & ReadingStats>, Map<SortOrder, SortedList>>();

/**
 * The items in a sort order, sorted once per list and order: filtering keeps that order, and
 * lower-cases their fields once beside them (every key scores them all again).
 */
function sortedItems(items: Array<ArticleInfo & ReadingStats>, sort: SortOrder): SortedList {
	let orders = sortedLists.get(items);
	if (!orders) {
		orders = new Map();
		sortedLists.set(items, orders);
	}

	let sorted = orders.get(sort);
	if (!sorted) {
		sorted = {items: items.toSorted(compareBy(sort))};
		orders.set(sort, sorted);
	}

	return sorted;
}

/**
 * The last filter's matches per list and order, as places in the sorted list: a filter that
 * extends it (the next letter typed) can only match among them, since each letter of a match
 * must appear in order.
 */
const lastMatches = new WeakMap<Array<ArticleInfo & ReadingStats>, {wanted: string; sort: SortOrder; matches: Int32Array}>();

function filterAndSort(items: Array<ArticleInfo & ReadingStats>, state: Pick<LibraryState, 'filter' | 'sort'>): Array<ArticleInfo & ReadingStats> {
	const sorted = sortedItems(items, state.sort);
	const wanted = fuzzyQuery(state.filter);
	if (wanted === '') {
		return sorted.items;
	}

	const last = lastMatches.get(items);
	const narrowing = last?.sort === state.sort && wanted.startsWith(last.wanted);
	const count = narrowing ? last.matches.length : sorted.items.length;
	sorted.fields ??= sorted.items.map(item => [item.title, item.category ?? '', item.tags.join(' '), item.id].map(field => field.toLowerCase()));
	const {fields} = sorted;
	const characters = [...wanted];
	const matches = new Int32Array(count);
	const scores = new Int32Array(count);
	let found = 0;
	for (let index = 0; index < count; index++) {
		const place = narrowing ? last.matches[index] : index;
		const score = bestScore(wanted, characters, fields[place]);
		if (score !== undefined) {
			matches[found] = place;
			scores[found] = score;
			found++;
		}
	}

	lastMatches.set(items, {wanted, sort: state.sort, matches: matches.slice(0, found)});
	return byScore(sorted.items, matches.subarray(0, found), scores.subarray(0, found));
}

/**
 * The items at `places`, best score first, equal scores in the order given: a counting sort,
 * since scores are small whole numbers (a comparison sort of 10,000 matches took longer than the frame).
 */
function byScore<T>(items: T[], places: Int32Array, scores: Int32Array): T[] {
	let best = 0;
	let worst = 0;
	for (let index = 0; index < scores.length; index++) {
		best = Math.max(best, scores[index]);
		worst = Math.min(worst, scores[index]);
	}

	const starts = new Int32Array(best - worst + 2);
	for (let index = 0; index < scores.length; index++) {
		starts[best - scores[index] + 1]++;
	}

	for (let index = 1; index < starts.length; index++) {
		starts[index] += starts[index - 1];
	}

	const ordered = Array.from<T>({length: places.length});
	for (let index = 0; index < places.length; index++) {
		ordered[starts[best - scores[index]]++] = items[places[index]];
	}

	return ordered;
}

function bestScore(wanted: string, characters: string[], fields: string[]): number | undefined {
	let best: number | undefined;
	for (let index = 0; index < fields.length; index++) {
		const score = fuzzyScorePrepared(wanted, fields[index], characters);
		if (score !== undefined && (best === undefined || score > best)) {
			best = score;
		}
	}

	return best;
}

/** ISO dates and times sort by their characters. */
function compareCodes(a: string, b: string): number {
	return a < b ? -1 : (a > b ? 1 : 0);
}

function compareBy(sort: SortOrder): (a: ArticleInfo & ReadingStats, b: ArticleInfo & ReadingStats) => number {
	const byTitle = (a: ArticleInfo & ReadingStats, b: ArticleInfo & ReadingStats) => collate(a.title, b.title) || collate(a.id, b.id);
	switch (sort) {
		case 'date': {
			return (a, b) => compareCodes(b.date ?? '', a.date ?? '') || byTitle(a, b);
		}

		case 'recent': {
			return (a, b) => compareCodes(b.lastRead ?? '', a.lastRead ?? '') || byTitle(a, b);
		}

		case 'views': {
			return (a, b) => b.views - a.views || byTitle(a, b);
		}

		default: {
			return byTitle;
		}
	}
}
