import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import React from 'react';
import {render} from 'ink-testing-library';
import {App, type AppSession} from '../../source/app.js';
import {loadLibraryInfo} from '../../source/node/library/catalog.js';
import {defaultMaxBytes} from '../../source/node/library/limits.js';
import {loadArticle, locateArticle} from '../../source/node/library/source.js';
import {quiet, settle, temporaryStore} from '../helpers/ui.js';

function library(files: Record<string, string>): string {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-library-'));
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

async function start(folder: string) {
	const {store, dispose} = temporaryStore();
	const quits: string[] = [];
	const session: AppSession = {
		style: 'plain',
		folder,
		listLibrary: async () => {
			const states = store.all();
			return (await loadLibraryInfo(folder, {XDG_CACHE_HOME: path.join(folder, '.cache')})).articles.map(info => ({...info, views: states[info.id]?.views ?? 0, progress: states[info.id]?.position?.percent ?? 0, lastRead: states[info.id]?.lastRead}));
		},
		openArticle: async id => loadArticle(locateArticle(id, folder), defaultMaxBytes),
		reading: opened => ({store, key: opened.id}),
		onQuit: how => quits.push(how),
	};
	session.initialItems = await session.listLibrary();
	const app = render(<App session={session} />);
	const type = async (input: string) => {
		app.stdin.write(input);
		await quiet(app.frames, () => quits.length);
	};

	return {app, type, quits, store, dispose, frame: () => app.lastFrame() ?? ''};
}

test.serial('the library lists every article with category, date and reading time', async t => {
	const folder = library(files);
	const ui = await start(folder);
	await settle();
	const lines = ui.frame().split('\n');
	t.regex(lines[0], /^folio — 3 articles · sorted by title/);
	t.regex(lines[1], /^› Alpha guide\s+Guide {6}2026-01-01 {2}1 min$/);
	t.regex(lines[2], /^ {2}Beta keys\s+Reference {2}2026-03-01 {2}1 min$/);
	t.regex(lines[3], /^ {2}Gamma piping\s+Recipes {4}2026-02-01 {2}1 min$/);
	t.regex(lines.at(-1)!, /Enter open · \/ filter · s sort · \? help · q quit/);
	ui.app.unmount();
	ui.dispose();
	rmSync(folder, {recursive: true});
});

test.serial('j and k move the selection, s cycles the sort order', async t => {
	const folder = library(files);
	const ui = await start(folder);
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
	ui.app.unmount();
	ui.dispose();
	rmSync(folder, {recursive: true});
});

test.serial('/ filters as you type, fuzzily, over title, category, tags and id', async t => {
	const folder = library(files);
	const ui = await start(folder);
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
	await settle(60);
	frame = ui.frame();
	t.regex(frame, /Alpha guide/);
	t.regex(frame, /Beta keys/);
	t.regex(frame, /^› Gamma piping/m, 'Esc clears the filter and keeps the selected article selected');
	t.regex(frame.split('\n')[0], /^folio — 3 articles/);
	ui.app.unmount();
	ui.dispose();
	rmSync(folder, {recursive: true});
});

test.serial('Enter opens the reader, Esc comes back to the same row with the view counted', async t => {
	const folder = library(files);
	const ui = await start(folder);
	await ui.type('j');
	await ui.type('\r');
	await settle(50);
	let lines = ui.frame().split('\n');
	t.regex(lines[0], /│ Beta keys$/);
	t.regex(lines[1], /📅 2026-03-01 · 📁 Reference · 👁 1 view · ⏱️ 1 min read/);
	await ui.type('\u001B');
	await settle(80);
	lines = ui.frame().split('\n');
	t.regex(lines[0], /^folio — 3 articles/);
	t.regex(ui.frame(), /› Beta keys\s+Reference {2}2026-03-01 {2}1 min {2}1 view {2}done$/m);
	const columnOf = (name: string, text: string) => ui.frame().split('\n').find(line => line.includes(name))!.indexOf(text);
	t.is(columnOf('Alpha guide', '2026-'), columnOf('Beta keys', '2026-'), 'a row without views keeps the columns of the rows with them');
	t.is(columnOf('Alpha guide', '1 min'), columnOf('Beta keys', '1 min'));
	ui.app.unmount();
	ui.dispose();
	rmSync(folder, {recursive: true});
});

test.serial('an empty library says how to add articles', async t => {
	const folder = library({});
	const ui = await start(folder);
	await settle();
	t.regex(ui.frame(), /No articles in .*Add \.md files there, or open another folder with --dir/s);
	await ui.type('q');
	t.deepEqual(ui.quits, ['quit']);
	ui.app.unmount();
	ui.dispose();
	rmSync(folder, {recursive: true});
});

test.serial('q quits and Ctrl+C interrupts from the library', async t => {
	const folder = library(files);
	const ui = await start(folder);
	await ui.type('\u0003');
	t.deepEqual(ui.quits, ['interrupt']);
	ui.app.unmount();
	ui.dispose();
	rmSync(folder, {recursive: true});
});

test.serial('? lists every library binding', async t => {
	const folder = library(files);
	const ui = await start(folder);
	await ui.type('?');
	for (const description of ['next article', 'open the article', 'filter as you type', 'sort by title, date, recently read, most viewed', 'quit']) {
		t.true(ui.frame().includes(description), description);
	}

	ui.app.unmount();
	ui.dispose();
	rmSync(folder, {recursive: true});
});
