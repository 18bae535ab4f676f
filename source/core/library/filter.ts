/**
 * The library's rows for a filter and a sort order: the fuzzy title filter, sorted once per list
 * and order, and the last result kept (the key handler and the screen ask for it on every key).
 */
import type {ArticleInfo} from '../article/article.js';
import {fuzzyScore} from '../text/fuzzy.js';
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

const sortedLists = new WeakMap<Array<ArticleInfo & ReadingStats>, Map<SortOrder, Array<ArticleInfo & ReadingStats>>>();

/** The items in a sort order, sorted once per list and order: filtering keeps that order. */
function sortedItems(items: Array<ArticleInfo & ReadingStats>, sort: SortOrder): Array<ArticleInfo & ReadingStats> {
	let orders = sortedLists.get(items);
	if (!orders) {
		orders = new Map();
		sortedLists.set(items, orders);
	}

	let sorted = orders.get(sort);
	if (!sorted) {
		sorted = items.toSorted(compareBy(sort));
		orders.set(sort, sorted);
	}

	return sorted;
}

function filterAndSort(items: Array<ArticleInfo & ReadingStats>, state: Pick<LibraryState, 'filter' | 'sort'>): Array<ArticleInfo & ReadingStats> {
	const sorted = sortedItems(items, state.sort);
	if (state.filter === '') {
		return sorted;
	}

	const scored: Array<{item: ArticleInfo & ReadingStats; score: number}> = [];
	for (const item of sorted) {
		const score = bestScore(state.filter, item);
		if (score !== undefined) {
			scored.push({item, score});
		}
	}

	// A stable sort: equal scores stay in the sort order.
	scored.sort((a, b) => b.score - a.score);
	return scored.map(entry => entry.item);
}

function bestScore(filter: string, item: ArticleInfo & ReadingStats): number | undefined {
	let best: number | undefined;
	for (const field of [item.title, item.category ?? '', item.tags.join(' '), item.id]) {
		const score = fuzzyScore(filter, field);
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

/** One collator for every comparison: `localeCompare` builds one per call, 10× slower on a big library. */
const collator = new Intl.Collator();

function compareBy(sort: SortOrder): (a: ArticleInfo & ReadingStats, b: ArticleInfo & ReadingStats) => number {
	const byTitle = (a: ArticleInfo & ReadingStats, b: ArticleInfo & ReadingStats) => collator.compare(a.title, b.title) || collator.compare(a.id, b.id);
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
