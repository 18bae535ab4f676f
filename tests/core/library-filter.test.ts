import test from 'ava';
import type {ArticleInfo} from '../../source/core/article/article.js';
import {visibleItems} from '../../source/core/library/filter.js';
import type {ReadingStats, SortOrder} from '../../source/core/library/library-state.js';
import {fuzzyScore} from '../../source/core/text/fuzzy.js';

type Item = ArticleInfo & ReadingStats;

const words = ['parser', 'guide', 'keys', 'Café', 'résumé', 'search', 'theme', 'notes', 'a', 'rust', 'go', 'Terminal'];
function library(count: number, seed: number): Item[] {
	let state = seed;
	const next = (limit: number) => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state % limit;
	};

	return Array.from({length: count}, (_, index) => ({
		id: `group-${next(5)}/${words[next(words.length)]}-${index}`,
		title: Array.from({length: 1 + next(4)}, () => words[next(words.length)]).join(' '),
		category: next(3) === 0 ? undefined : words[next(words.length)],
		tags: Array.from({length: next(3)}, () => words[next(words.length)]),
		date: `2026-0${1 + next(9)}-1${next(10)}`,
		views: next(4),
		words: 100,
		minutes: 1,
		progress: 0,
	}) as unknown as Item);
}

/** What the filter must show: every item scored afresh, best first, ties in the list's order. */
function expected(items: Item[], filter: string, sort: SortOrder): string[] {
	const ordered = visibleItems([...items], {filter: '', sort});
	return ordered
		.map(item => ({item, score: Math.max(...[item.title, item.category ?? '', item.tags.join(' '), item.id].map(field => fuzzyScore(filter, field) ?? Number.NEGATIVE_INFINITY))}))
		.filter(entry => entry.score > Number.NEGATIVE_INFINITY)
		.sort((a, b) => b.score - a.score)
		.map(entry => entry.item.id);
}

test('typing, deleting and retyping a filter shows what filtering afresh would, in every sort order', t => {
	// A match more than a thousand characters into a field scores below zero.
	const items = [...library(400, 3), {...library(1, 9)[0], id: 'long-tags', tags: ['x'.repeat(1500), 'guide parser']}];
	const typed = ['', 'p', 'pa', 'par', 'pars', 'par', 'pa', 'p', 'pr', 'pre', 'g', 'gu', 'gui', 'guide', 'guide k', 'guidek', 'caf', 'café', 'c', 'ré', 'T', 'te', 'ter', '', 'rust', 'rus', 'ru', 'rs'];
	for (const sort of ['title', 'date', 'views', 'recent'] as SortOrder[]) {
		for (const filter of typed) {
			t.deepEqual(visibleItems(items, {filter, sort}).map(item => item.id), expected(items, filter, sort), `${sort}: ${JSON.stringify(filter)}`);
		}
	}
});

test('a filter typed on after the sort order changed is matched in the new order, not among the old order\'s places', t => {
	const items = library(400, 5);
	const steps: Array<[string, SortOrder]> = [['p', 'title'], ['pa', 'date'], ['par', 'views'], ['pa', 'views'], ['par', 'title'], ['g', 'recent'], ['gu', 'title']];
	for (const [filter, sort] of steps) {
		t.deepEqual(visibleItems(items, {filter, sort}).map(item => item.id), expected(items, filter, sort), `${sort}: ${JSON.stringify(filter)}`);
	}
});

test('a letter at the start of a word scores more: after a space, tab, /, _, - or a wide space, not after other marks', t => {
	t.true(fuzzyScore('gs', 'getting started')! > fuzzyScore('gs', 'grass')!);
	const after = (separator: string) => fuzzyScore('xb', `ax${separator}b`)!;
	for (const separator of [' ', '\t', '/', '_', '-', '\u3000', '\u00A0']) {
		t.is(after(separator), after(' '), JSON.stringify(separator));
	}

	for (const separator of ['.', ':', 'é', '\u00B7']) {
		t.true(after(separator) < after(' '), JSON.stringify(separator));
	}
});
