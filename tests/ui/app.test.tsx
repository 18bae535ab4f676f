import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import React from 'react';
import {render} from 'ink-testing-library';
import {App, type AppSession} from '../../source/app.js';
import {listLibrary} from '../../source/node/library/listing.js';
import {defaultMaxBytes} from '../../source/node/library/limits.js';
import {loadArticle, locateArticle} from '../../source/node/library/source.js';
import {articleStateKey} from '../../source/node/state/article-key.js';
import {libraryTextSearch} from '../../source/node/search/text-matches.js';
import {quiet, type Teardown, temporaryStore, waitForFrame} from '../helpers/ui.js';
import {FolioError} from '../../source/core/errors.js';
import {loadReader} from '../../source/ui/load-reader.js';

/** A library folder with these files, removed by the test's teardown. */
function library(t: Teardown, files: Record<string, string>): string {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-library-'));
	t.teardown(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(folder, name)), {recursive: true});
		writeFileSync(path.join(folder, name), text);
	}

	return folder;
}

const article = (title: string, date: string, category: string, tags: string) =>
	`---\ntitle: ${title}\ndate: ${date}\ncategory: ${category}\ntags: [${tags}]\nsummary: About ${title}.\n---\n\n## First\n\nSome text.\n\n## Second\n\nMore text.\n`;

const files = {
	'alpha.md': article('Alpha guide', '2026-01-01', 'Guide', 'start'),
	'guides/beta.md': article('Beta keys', '2026-03-01', 'Reference', 'keys, reader'),
	'zeta/gamma.md': article('Gamma piping', '2026-02-01', 'Recipes', 'shell'),
};

/** Render the App on this library; it is unmounted by the test's teardown. */
async function start(t: Teardown, folder: string, failures: string[] = [], searchText = false, startAt?: string) {
	const {store} = temporaryStore(t);
	const textSearch = libraryTextSearch(folder, {XDG_CACHE_HOME: path.join(folder, '.cache')});
	const quits: string[] = [];
	const session: AppSession = {
		style: 'plain',
		folder,
		listLibrary: async () => (await listLibrary(folder, {XDG_CACHE_HOME: path.join(folder, '.cache')}, store)).articles,
		async openArticle(id) {
			// A failure to open (a file that went away, a disk error), once for each entry given.
			const failure = failures.shift();
			if (failure) {
				throw new FolioError(failure);
			}

			return loadArticle(locateArticle(id, folder), defaultMaxBytes);
		},
		// Keyed as the reader keys it (commands/read.tsx): by the article file's real path.
		reading: article => (article.origin.kind === 'stdin' ? undefined : {store, key: articleStateKey(article.origin.path)}),
		findText: searchText ? textSearch.find : undefined,
		onQuit: how => quits.push(how),
	};
	if (startAt === undefined) {
		session.initialItems = await session.listLibrary();
	} else {
		session.startArticle = loadArticle(locateArticle(startAt, folder), defaultMaxBytes);
		// As commands/read.tsx decides it: a file outside the library has no library to go back to.
		session.leavingQuits = session.startArticle.origin.kind !== 'library';
		await loadReader();
	}

	const app = render(<App session={session} />);
	t.teardown(() => {
		app.unmount();
	});
	const type = async (input: string) => {
		app.stdin.write(input);
		await quiet(app.frames, () => quits.length);
	};

	const waitFor = async (predicate: (frame: string) => boolean, what: string) => waitForFrame(app.lastFrame, predicate, what);
	return {app, type, waitFor, quits, store, frame: () => app.lastFrame() ?? ''};
}

test.serial('the library lists every article with category, date and reading time', async t => {
	const folder = library(t, files);
	const ui = await start(t, folder);
	const lines = (await ui.waitFor(frame => frame.includes('Gamma piping'), 'the list is drawn')).split('\n');
	t.regex(lines[0], /^folio — 3 articles · sorted by title/);
	t.regex(lines[1], /^› Alpha guide\s+Guide {6}2026-01-01 {2}1 min$/);
	t.regex(lines[2], /^ {2}Beta keys\s+Reference {2}2026-03-01 {2}1 min$/);
	t.regex(lines[3], /^ {2}Gamma piping\s+Recipes {4}2026-02-01 {2}1 min$/);
	t.regex(lines.at(-1)!, /Enter open · \/ filter · s sort · \? help · q quit/);
});

test.serial('j and k move the selection, s cycles the sort order', async t => {
	const folder = library(t, files);
	const ui = await start(t, folder);
	await ui.type('j');
	t.regex(ui.frame(), /› Beta keys/);
	await ui.type('k');
	t.regex(ui.frame(), /› Alpha guide/);
	await ui.type('s');
	t.regex(ui.frame(), /sorted by date/);
	t.regex(ui.frame().split('\n')[1], /Beta keys/);
	await ui.type('s');
	t.regex(ui.frame(), /sorted by recently read/);
	await ui.type('s');
	t.regex(ui.frame(), /sorted by most viewed/);
});

test.serial('/ filters as you type, fuzzily, over title, category, tags and id', async t => {
	const folder = library(t, files);
	const ui = await start(t, folder);
	await ui.type('/');
	await ui.type('shel');
	let frame = ui.frame();
	t.regex(frame, /Gamma piping/);
	t.notRegex(frame, /Alpha guide|Beta keys/);
	t.regex(frame, /\/shel.*1 match/);
	t.regex(frame.split('\n')[0], /^folio — 1 of 3 articles · sorted by title/, 'the header counts what the filter shows');
	await ui.type('\u007F\u007F\u007F\u007F');
	await ui.type('zeta');
	t.regex(ui.frame(), /Gamma piping/);
	await ui.type('\u001B');
	frame = await ui.waitFor(frame => !frame.includes('/zeta'), 'the filter is closed');
	t.regex(frame, /Alpha guide/);
	t.regex(frame, /Beta keys/);
	t.regex(frame, /^› Gamma piping/m, 'Esc clears the filter and keeps the selected article selected');
	t.regex(frame.split('\n')[0], /^folio — 3 articles/);
});

test.serial('Enter opens the reader, Esc comes back to the same row with the view counted', async t => {
	const folder = library(t, files);
	const ui = await start(t, folder);
	await ui.type('j');
	await ui.type('\r');
	let lines = (await ui.waitFor(frame => frame.includes('min read'), 'the reader shows the article')).split('\n');
	t.regex(lines[0], /│ Beta keys$/);
	t.regex(lines[1], /📅 2026-03-01 · 📁 Reference · 👁 1 view · ⏱️ 1 min read/);
	await ui.type('\u001B');
	lines = (await ui.waitFor(frame => frame.startsWith('folio — '), 'the library is back')).split('\n');
	t.regex(lines[0], /^folio — 3 articles/);
	t.regex(ui.frame(), /› Beta keys\s+Reference {2}2026-03-01 {2}1 min {2}1 view {2}done$/m);
	const columnOf = (name: string, text: string) => ui.frame().split('\n').find(line => line.includes(name))!.indexOf(text);
	t.is(columnOf('Alpha guide', '2026-'), columnOf('Beta keys', '2026-'), 'a row without views keeps the columns of the rows with them');
	t.is(columnOf('Alpha guide', '1 min'), columnOf('Beta keys', '1 min'));
});

test.serial('after an article fails to open, Enter on it again opens it', async t => {
	const folder = library(t, files);
	const ui = await start(t, folder, ['cannot read alpha.md: input/output error']);
	await ui.waitFor(frame => frame.includes('Gamma piping'), 'the list is drawn');
	await ui.type('\r');
	await ui.waitFor(frame => frame.includes('input/output error'), 'the failure is shown');
	t.regex(ui.frame(), /^folio — 3 articles/);
	await ui.type('\r');
	const lines = (await ui.waitFor(frame => frame.includes('│ Alpha guide'), 'the article opens')).split('\n');
	t.regex(lines[0], /│ Alpha guide$/);
});

test.serial('an empty library says how to add articles', async t => {
	const folder = library(t, {});
	const ui = await start(t, folder);
	await ui.waitFor(frame => frame.includes('No articles'), 'the empty library is drawn');
	t.regex(ui.frame(), /No articles in .*Add \.md files there, or open another folder with --dir/s);
	await ui.type('q');
	t.deepEqual(ui.quits, ['quit']);
});

test.serial('q quits and Ctrl+C interrupts from the library', async t => {
	const folder = library(t, files);
	for (const [key, how] of [['q', 'quit'], ['\u0003', 'interrupt']]) {
		const ui = await start(t, folder);
		await ui.waitFor(frame => frame.includes('Alpha guide'), 'the list is drawn');
		await ui.type(key);
		t.deepEqual(ui.quits, [how], JSON.stringify(key));
		ui.app.unmount();
	}
});

test.serial('? lists every library binding', async t => {
	const folder = library(t, files);
	const ui = await start(t, folder);
	await ui.type('?');
	for (const description of ['next article', 'open the article', 'filter as you type', 'sort by title, date, recently read, most viewed', 'quit']) {
		t.true(ui.frame().includes(description), description);
	}

});

test.serial('the filter lists matches in the articles\' text below the titles; Enter opens the article at the match', async t => {
	const folder = library(t, {
		...files,
		'delta.md': '---\ntitle: Delta notes\n---\n\n## Intro\n\nNothing here.\n\n## Sockets\n\nA websocket stays open, then closes.\n\nThe socket closes on exit.\n',
	});
	const ui = await start(t, folder, [], true);
	await ui.type('/');
	await ui.type('clos');
	const frame = await ui.waitFor(frame => frame.includes('in text'), 'the text matches are listed');
	const lines = frame.split('\n');
	t.regex(lines[1], /^── in text ─+$/, 'no title matches "clos", so the text matches come first, under a rule the width of the screen');
	t.regex(lines[2], /^› Delta notes › Sockets\s+A websocket stays open, then closes\./);
	t.regex(lines.at(-1)!, /\/clos.*0 matches, 1 in text/);
	await ui.type('\r');
	const reader = await ui.waitFor(frame => frame.includes('match 1 of 2'), 'the reader opens at the match');
	t.regex(reader, /│ ## Sockets/, 'the section of the match is on screen');
	await ui.type('n');
	t.regex(ui.frame(), /match 2 of 2/, 'n goes on to the next match of the word');
});

test.serial('without text search the filter still lists titles and says nothing about the text', async t => {
	const folder = library(t, files);
	const ui = await start(t, folder);
	await ui.type('/');
	await ui.type('keys');
	const frame = ui.frame();
	t.regex(frame, /Beta keys/);
	t.notRegex(frame, /in text|searching/);
});

test.serial('Esc from a file opened by itself quits, as in less or glow; from a library article it goes back to the library', async t => {
	const folder = library(t, files);
	const outside = path.join(library(t, {'notes.md': '# Notes\n\nA file of its own.\n'}), 'notes.md');
	const alone = await start(t, folder, [], false, outside);
	await alone.waitFor(frame => frame.includes('A file of its own.'), 'the file is open');
	await alone.type('\u001B');
	t.deepEqual(alone.quits, ['quit']);
	t.false(alone.frame().includes('Alpha guide'), 'the library was not shown');

	const inLibrary = await start(t, folder, [], false, 'alpha');
	await inLibrary.waitFor(frame => frame.includes('Some text.'), 'the article is open');
	await inLibrary.type('\u001B');
	await inLibrary.waitFor(frame => frame.includes('Gamma piping'), 'the library is shown');
	t.deepEqual(inLibrary.quits, []);
});
