import test from 'ava';
import type {ArticleInfo} from '../../source/core/article/article.js';
import {mouseKeyName} from '../../source/core/keys/mouse.js';
import {visibleItems} from '../../source/core/library/filter.js';
import {initialLibraryState, libraryStep, libraryWindow, shownTextMatches, type LibraryEffect, type LibraryState, type ReadingStats, type TextMatch} from '../../source/core/library/library-state.js';

const item = (id: string, title: string): ArticleInfo & ReadingStats => ({id, title, tags: [], words: 100, minutes: 1, views: 0, progress: 0} as unknown as ArticleInfo & ReadingStats);
const items = [item('a', 'Alpha guide'), item('b', 'Beta keys')];
const match = (id: string, slug: string, snippet: string, word: string): TextMatch => {
	const start = snippet.indexOf(word);
	return {id, title: id, section: slug, slug, snippet, highlights: [[start, start + word.length]]};
};

/** Apply keys in order, collecting every effect. */
function press(state: LibraryState, keys: string[]): {state: LibraryState; effects: LibraryEffect[]} {
	const effects: LibraryEffect[] = [];
	for (const key of keys) {
		const next = libraryStep(state, {kind: 'key', key}, items, 10);
		state = next.state;
		effects.push(...next.effects);
	}

	return {state, effects};
}

test('each key typed in the filter asks for the text to be searched with the filter as it now is', t => {
	const {state, effects} = press(initialLibraryState(), ['/', 's', 'o', 'c', 'backspace']);
	t.is(state.filter, 'so');
	t.deepEqual(effects, [{kind: 'searchText', query: 's'}, {kind: 'searchText', query: 'so'}, {kind: 'searchText', query: 'soc'}, {kind: 'searchText', query: 'so'}]);
});

test('text matches for an older filter are dropped; those for the filter are shown', t => {
	const {state} = press(initialLibraryState(), ['/', 'k', 'e']);
	const stale = libraryStep(state, {kind: 'textMatches', query: 'k', matches: [match('b', 'x', 'k', 'k')]}, items, 10).state;
	t.deepEqual(shownTextMatches(stale), []);
	const fresh = libraryStep(state, {kind: 'textMatches', query: 'ke', matches: [match('b', 'x', 'the keys', 'keys')]}, items, 10).state;
	t.is(shownTextMatches(fresh).length, 1);
	// The filter changes: the old matches are not shown for the new filter.
	t.deepEqual(shownTextMatches(press(fresh, ['y']).state), []);
});

test('the cursor goes from the title matches down into the text matches, and Enter opens the match at its section and word', t => {
	const typed = press(initialLibraryState(), ['/', 'k', 'e', 'y']).state;
	t.is(typed.filter, 'key');
	const matches = [match('a', 'setup', 'Press the Keyboard keys', 'Keyboard'), match('b', 'more', 'keys again', 'keys')];
	const shown = libraryStep(typed, {kind: 'textMatches', query: 'key', matches}, items, 10).state;
	// One title matches (Beta keys); the two text matches follow it.
	const {state, effects} = press(shown, ['down', 'down', 'down', 'enter']);
	t.is(state.cursor, 2, 'the cursor stops at the last text match');
	t.deepEqual(effects.at(-1), {kind: 'open', id: 'b', find: {query: 'keys', slug: 'more'}});
	const first = press(shown, ['down', 'enter']).effects.at(-1);
	t.deepEqual(first, {kind: 'open', id: 'a', find: {query: 'keyboard', slug: 'setup'}}, 'the word as the snippet writes it, in lower case (smart case: any case)');
	const title = press(shown, ['enter', 'enter']).effects.at(-1);
	t.deepEqual(title, {kind: 'open', id: 'b'}, 'on the title row, Enter ends the filter, then opens the article');
});

test('Esc clears the filter and the text search with it', t => {
	const shown = libraryStep(press(initialLibraryState(), ['/', 'z']).state, {kind: 'textMatches', query: 'z', matches: [match('a', 'x', 'zip', 'zip')]}, items, 10).state;
	const {state, effects} = press(shown, ['escape']);
	t.is(state.filter, '');
	t.deepEqual(shownTextMatches(state), []);
	t.deepEqual(effects, [{kind: 'searchText', query: ''}]);
});

test('a click on a text match selects it; a click on the in-text heading selects nothing', t => {
	const typed = press(initialLibraryState(), ['/', 'k', 'e', 'y', 'enter']).state;
	const matches = [match('a', 'setup', 'Press the Keyboard keys', 'Keyboard'), match('b', 'more', 'keys again', 'keys')];
	const shown = libraryStep(typed, {kind: 'textMatches', query: 'key', matches}, items, 10).state;
	// Screen row 1 is the list's first line: Beta keys; row 2 the heading; rows 3 and 4 the matches.
	const click = (row: number) => libraryStep(shown, {kind: 'key', key: mouseKeyName({action: 'press', button: 0, column: 5, row})}, items, 10).state.cursor;
	t.is(click(3), 1);
	t.is(click(4), 2);
	t.is(click(2), shown.cursor, 'the heading is not a row');
	t.is(press(shown, [mouseKeyName({action: 'wheelDown', button: 0, column: 5, row: 1})]).state.cursor, 2, 'the wheel reaches the text matches too');
});

test('the list on screen is the window of title rows, heading and text matches that holds the cursor in the middle', t => {
	const many = Array.from({length: 30}, (_, index) => item(`id-${index}`, `Title ${index}`));
	for (const rowCount of [0, 1, 5, 30]) {
		for (const matchCount of [0, 1, 4]) {
			const matches = Array.from({length: matchCount}, (_, index) => match(`m-${index}`, 's', 'a zip here', 'zip'));
			for (const page of [1, 3, 10, 40]) {
				// A cursor past the end (a list that shrank) shows the top, as the list once did.
				for (let cursor = 0; cursor <= rowCount + matchCount + 1; cursor++) {
					const state = {...initialLibraryState(), filter: 'z', textQuery: 'z', textMatches: matches, cursor};
					// Every line of the list, then the page of them around the cursor's line.
					const all = [
						...many.slice(0, rowCount).map((entry, row) => ({kind: 'article', item: entry, row})),
						...(matchCount > 0 ? [{kind: 'heading'}] : []),
						...matches.map((entry, index) => ({kind: 'match', match: entry, row: rowCount + index})),
					];
					const cursorLine = Math.max(0, all.findIndex(line => 'row' in line && line.row === cursor));
					const start = Math.max(0, Math.min(all.length - page, cursorLine - Math.floor(page / 2)));
					t.deepEqual(libraryWindow(state, many.slice(0, rowCount), page), {start, lines: all.slice(start, start + page)}, `${rowCount} rows, ${matchCount} matches, page ${page}, cursor ${cursor}`);
				}
			}
		}
	}
});

test('s sorts by the next order and the cursor stays on the article it was on', t => {
	const dated = [
		{...item('a', 'Alpha guide'), date: '2026-01-01'},
		{...item('b', 'Beta keys'), date: '2026-03-01'},
		{...item('c', 'Gamma notes'), date: '2026-02-01'},
	];
	let state: LibraryState = {...initialLibraryState(), cursor: 2};
	const rowAt = (current: LibraryState) => visibleItems(dated, current)[current.cursor]?.id;
	t.is(rowAt(state), 'c');
	state = libraryStep(state, {kind: 'key', key: 's'}, dated, 10).state;
	t.not(state.sort, 'title');
	t.is(rowAt(state), 'c');
	t.not(state.cursor, 2, 'the order changed under the cursor, and the cursor followed its article');
});

test('Backspace deletes the last character typed, a whole emoji with its modifier, and on an empty filter closes it', t => {
	let {state} = press(initialLibraryState(), ['/', 'a', '👍', '🏽']);
	t.is(state.filter, 'a👍🏽');
	state = libraryStep(state, {kind: 'key', key: 'backspace'}, items, 10).state;
	t.is(state.filter, 'a', 'the emoji and its skin tone go together');
	state = libraryStep(state, {kind: 'key', key: 'backspace'}, items, 10).state;
	t.is(state.filter, '');
	t.true(state.filtering);
	state = libraryStep(state, {kind: 'key', key: 'backspace'}, items, 10).state;
	t.false(state.filtering);
});
