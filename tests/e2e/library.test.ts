import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {readerScreen} from '../helpers/reader-screen.js';
import {start, type Session} from '../helpers/terminal.js';

/** One row of the library list as the user sees it. */
type Row = {selected: boolean; title: string; category: string; date: string; minutes: number};

const rowPattern = /^([› ]) (.*?)\s{2,}(\S.*?)\s{2,}(\d{4}-\d\d-\d\d)\s{2,}(\d+) min\b/;

function header(screen: string): string {
	return screen.split('\n')[0];
}

function rows(screen: string): Row[] {
	return screen.split('\n').slice(1).flatMap(line => {
		const match = rowPattern.exec(line);
		return match ? [{selected: match[1] === '›', title: match[2].trim(), category: match[3], date: match[4], minutes: Number(match[5])}] : [];
	});
}

function selected(screen: string): string | undefined {
	return rows(screen).find(row => row.selected)?.title;
}

const footer = 'Enter open · / filter · s sort · ? help · q quit';

async function openLibrary(t: ExecutionContext): Promise<{folio: Session; screen: string}> {
	const folio = await start([], {t, width: 100, height: 30});
	const screen = await folio.waitFor(text => text.includes(footer) && rows(text).length > 0);
	return {folio, screen};
}

test('the library opens full screen: a header with the count, one row per article, the key footer', async t => {
	const {folio, screen} = await openLibrary(t);
	t.true(await folio.alternateOn(), 'the library runs in the alternate screen');
	const list = rows(screen);
	t.regex(header(screen), /^folio — \d+ articles · sorted by title$/);
	t.is(header(screen), `folio — ${list.length} articles · sorted by title`, 'the header counts the rows shown');
	t.true(list.length >= 5, `expected the bundled library, got ${list.length} rows:\n${screen}`);
	t.true(screen.split('\n').some(line => line.trim() === footer), `expected the footer line, got:\n${screen}`);
	const keys = list.find(row => row.title === 'Keys and navigation');
	t.deepEqual(keys && {category: keys.category, date: keys.date}, {category: 'Guide', date: '2026-11-21'});
	t.true(keys!.minutes > 0);
	t.deepEqual(list.map(row => row.selected), list.map((_, index) => index === 0), 'only the first row is selected');
	const titles = list.map(row => row.title);
	t.deepEqual(titles, titles.toSorted((a, b) => a.localeCompare(b)), 'rows are sorted by title');
});

test('j and Down move the selection down, k and Up move it back', async t => {
	const {folio, screen} = await openLibrary(t);
	const titles = rows(screen).map(row => row.title);
	await folio.send('j');
	await folio.waitFor(text => selected(text) === titles[1]);
	await folio.send('Down');
	await folio.waitFor(text => selected(text) === titles[2]);
	await folio.send('k');
	await folio.waitFor(text => selected(text) === titles[1]);
	await folio.send('Up');
	const after = await folio.waitFor(text => selected(text) === titles[0]);
	t.is(rows(after).filter(row => row.selected).length, 1);
});

test('Enter opens the selected article in the reader and Esc comes back to the library', async t => {
	const {folio, screen} = await openLibrary(t);
	const titles = rows(screen).map(row => row.title);
	const index = titles.indexOf('Keys and navigation');
	t.true(index > 0);
	for (let step = 0; step < index; step++) {
		await folio.send('j');
	}

	await folio.waitFor(text => selected(text) === 'Keys and navigation');
	await folio.send('Enter');
	const reader = await folio.waitFor(text => /Keys and navigation\s*$/m.test(text) && text.includes('1 view ·'));
	t.regex(reader, /📅 2026-11-21 · 📁 Guide · 👁 1 view · ⏱️ \d+ min read/);
	await folio.send('Escape');
	const back = await folio.waitFor(text => text.startsWith('folio — '));
	t.is(selected(back), 'Keys and navigation', 'the library keeps the selection it had');
});

test('/ filters as you type, fuzzily, and Enter opens the best match', async t => {
	const {folio, screen} = await openLibrary(t);
	const total = rows(screen).length;
	await folio.send('/');
	for (const character of 'kynav') {
		await folio.send(character);
	}

	const filtered = await folio.waitFor(text => rows(text)[0]?.title === 'Keys and navigation' && rows(text).length < total);
	t.is(selected(filtered), 'Keys and navigation');
	await folio.send('Enter');
	const reader = await folio.waitFor('1 view ·');
	t.regex(reader, /📅 2026-11-21 · 📁 Guide · 👁 1 view · ⏱️ \d+ min read/);
});

test('Esc clears the filter and shows every article again', async t => {
	const {folio, screen} = await openLibrary(t);
	const total = rows(screen).length;
	await folio.send('/');
	await folio.type('start');
	await folio.waitFor(text => rows(text)[0]?.title === 'Getting started with folio' && rows(text).length < total);
	await folio.send('Escape');
	const cleared = await folio.waitFor(text => rows(text).length === total);
	t.true(cleared.includes(footer));
});

test('s cycles the sort order: title, date, recently read, most viewed, then title again', async t => {
	const {folio} = await openLibrary(t);
	await folio.send('s');
	const byDate = await folio.waitFor(text => header(text).endsWith('sorted by date'));
	const dates = rows(byDate).map(row => row.date);
	t.deepEqual(dates, dates.toSorted().toReversed(), 'newest first');
	await folio.send('s');
	await folio.waitFor(text => header(text).endsWith('sorted by recently read'));
	await folio.send('s');
	await folio.waitFor(text => header(text).endsWith('sorted by most viewed'));
	await folio.send('s');
	const byTitle = await folio.waitFor(text => header(text).endsWith('sorted by title'));
	const titles = rows(byTitle).map(row => row.title);
	t.deepEqual(titles, titles.toSorted((a, b) => a.localeCompare(b)));
});

test('recently read puts the article just read first', async t => {
	const {folio, screen} = await openLibrary(t);
	const last = rows(screen).at(-1)!.title;
	await folio.send('G');
	await folio.waitFor(text => selected(text) === last);
	await folio.send('Enter');
	await folio.waitFor('1 view ·');
	await folio.send('Escape');
	await folio.waitFor(text => text.startsWith('folio — '));
	await folio.send('s', 's');
	const recent = await folio.waitFor(text => header(text).endsWith('sorted by recently read'));
	t.is(rows(recent)[0].title, last);
});

test('? shows the library keys and Esc closes the help', async t => {
	const {folio, screen} = await openLibrary(t);
	await folio.send('?');
	const help = await folio.waitFor(text => !text.includes(footer) && /\bfilter\b/.test(text) && /\bsort\b/.test(text));
	t.is(rows(help).length, 0, 'the help replaces the list');
	await folio.send('Escape');
	const back = await folio.waitFor(text => text.includes(footer));
	t.is(back, screen, 'closing the help leaves the library as it was (Esc did nothing else)');
});

test('q quits the library with status 0 and restores the terminal', async t => {
	const {folio} = await openLibrary(t);
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
	t.false(await folio.alternateOn());
	t.false(await folio.cursorHidden());
	t.false((await folio.screen()).includes(footer), 'the library is gone from the main screen');
});

test('/ also finds words in the articles\' text: the matches are listed with snippets and Enter opens the article at one', async t => {
	const {folio} = await openLibrary(t);
	await folio.send('/');
	await folio.type('scrollback');
	const listed = await folio.waitFor(text => text.includes('── in text'));
	const matchRows = listed.split('\n').slice(listed.split('\n').findIndex(line => line.includes('── in text')) + 1).filter(line => /^[› ] \S.* {2}/.test(line));
	t.true(matchRows.length > 0, listed);
	t.true(matchRows.every(line => /scrollback/i.test(line)), `every listed snippet holds the word:\n${matchRows.join('\n')}`);
	const [, place] = /^› (.*?) {2}/.exec(matchRows[0])!;
	await folio.send('Enter');
	const reader = readerScreen(await folio.waitFor(text => /match 1 of \d+/.test(text)));
	t.regex(reader.top, /scrollback/, 'the match is the top line, as in less');
	// Any key clears the message: the status line names the section the match is in.
	await folio.send('Right');
	const section = place.split(' › ')[1]?.replace(/…$/, '') ?? '';
	const moved = readerScreen(await folio.waitFor(text => !/^match|^$/.test(readerScreen(text).section)));
	t.true(section !== '' && moved.section.startsWith(section), `the section of the match (${place}), got ${moved.section}`);
});

/**
 * A folder for a run whose sessions log what they load (tests/helpers/record-modules.mjs): the
 * log's path and the environment that preloads the recorder, with a cache of the run's own.
 */
function recordedRun(t: ExecutionContext): {folder: string; log: string; env: NodeJS.ProcessEnv} {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-modules-'));
	t.teardown(() => rmSync(folder, {recursive: true, force: true}));
	const log = path.join(folder, 'modules.txt');
	return {folder, log, env: {NODE_OPTIONS: `--import=${path.resolve('tests/helpers/record-modules.mjs')}`, FOLIO_MODULE_LOG: log, XDG_CACHE_HOME: path.join(folder, 'cache')}};
}

test('the library screen starts without compiling string-width\'s emoji tables; text that needs them still compiles them', async t => {
	const {folder, log, env} = recordedRun(t);
	const compiled = () => existsSync(log) && readFileSync(log, 'utf8').includes('regexp: emoji');
	const folio = await start([], {t, width: 100, height: 30, env});
	await folio.waitFor(text => text.includes(footer) && rows(text).length > 0);
	t.false(compiled(), 'the library screen compiled the emoji tables');
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
	t.false(compiled(), 'the library screen compiled the emoji tables after its first frame');
	// A session's terminal slot is freed by stop: free it before the next (see terminal.ts).
	await folio.stop();
	// A keycap emoji with a joiner is measured by string-width, not counted: the log sees it.
	const article = path.join(folder, 'emoji.md');
	writeFileSync(article, '# Keys\n\nPress 1\uFE0F\u20E3 then \u{1F469}\u200D\u{1F4BB} to start.\n');
	const reader = await start([article], {t, width: 100, height: 30, env});
	await reader.waitFor(text => text.includes('to start'));
	t.true(compiled(), 'measuring an emoji sequence did not compile the tables: the log cannot tell');
});

test('the library screen starts without making a text segmenter or loading semver; a state file that needs migrating loads semver', async t => {
	const {folder, log, env} = recordedRun(t);
	const logged = (line: string) => existsSync(log) && readFileSync(log, 'utf8').split('\n').includes(line);
	const folio = await start([], {t, width: 100, height: 30, env});
	await folio.waitFor(text => text.includes(footer) && rows(text).length > 0);
	await folio.send('j');
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
	t.false(logged('segmenter'), 'the library screen made an Intl.Segmenter');
	t.false(logged('require: semver'), 'the library screen loaded semver');
	await folio.stop();
	// conf runs its migrations, which use semver, on a file of an older schema.
	const stateDir = path.join(folder, 'state');
	mkdirSync(stateDir);
	writeFileSync(path.join(stateDir, 'state.json'), JSON.stringify({articles: {}, __internal__: {migrations: {version: '1.0.0'}}}));
	const migrating = await start([], {t, width: 100, height: 30, env, stateDir});
	await migrating.waitFor(text => text.includes(footer) && rows(text).length > 0);
	await migrating.send('q');
	t.is(await migrating.exitCode(), 0);
	t.true(logged('require: semver'), 'migrating the state file did not load semver: the log cannot tell');
	t.like(JSON.parse(readFileSync(path.join(stateDir, 'state.json'), 'utf8')) as object, {__internal__: {migrations: {version: '2.0.0'}}});
});

test('the library screen sorts ASCII titles without starting ICU\'s collator where the locale sorts them as the root order does; under a locale that tailors the order it asks ICU', async t => {
	const {log, env} = recordedRun(t);
	const collators = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(line => line === 'collator').length : 0);
	const titles = async (locale: string) => {
		const folio = await start([], {t, width: 100, height: 30, env: {...env, LC_ALL: locale}});
		await folio.waitFor(text => text.includes(footer) && rows(text).length > 0);
		const shown = rows(await folio.screen());
		await folio.send('q');
		t.is(await folio.exitCode(), 0);
		await folio.stop();
		return shown;
	};

	const english = await titles('en_US.UTF-8');
	t.is(collators(), 0, 'the library screen made an Intl.Collator');
	// Danish sorts upper case first: ICU is asked, and the bundled titles come out in the same order.
	t.deepEqual(await titles('da_DK.UTF-8'), english);
	t.true(collators() > 0, 'a Danish locale did not make a collator: the log cannot tell');
});

test('the library screen starts without the Markdown parser once its listing is cached; opening an article loads it', async t => {
	const {log, env} = recordedRun(t);
	const loaded = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(url => url.includes('/dist/')) : []);
	// marked's chunk is the one holding its `walkTokens` hook.
	const holdsMarked = (urls: string[]) => urls.some(url => readFileSync(fileURLToPath(url), 'utf8').includes('walkTokens'));
	// The first run lists the articles (reading them) and caches the listing.
	const first = await start([], {t, width: 100, height: 30, env});
	await first.waitFor(text => text.includes(footer) && rows(text).length > 0);
	await first.send('q');
	t.is(await first.exitCode(), 0);
	await first.stop();
	rmSync(log, {force: true});
	const folio = await start([], {t, width: 100, height: 30, env});
	await folio.waitFor(text => text.includes(footer) && rows(text).length > 0);
	t.true(loaded().some(url => /\/read-[\w-]+\.js$/.test(url)), 'the module log records the reader');
	t.false(holdsMarked(loaded()), 'the library screen loaded marked');
	await folio.send('Enter');
	// The reader's contents pane (the library's footer also offers ? help).
	await folio.waitFor(text => text.includes('Table of Contents'));
	t.true(holdsMarked(loaded()), 'opening an article loads marked');
});

test('Esc in a file opened by path quits when the file is outside the library, and goes to the library when it is inside', async t => {
	const outside = mkdtempSync(path.join(os.tmpdir(), 'folio-outside-'));
	t.teardown(() => {
		rmSync(outside, {recursive: true, force: true});
	});
	writeFileSync(path.join(outside, 'notes.md'), '# Notes\n\nA file of its own.\n');
	const alone = await start([path.join(outside, 'notes.md')], {t, width: 100, height: 30});
	await alone.waitFor(text => text.includes('A file of its own.'));
	await alone.send('Escape');
	t.is(await alone.exitCode(), 0, 'Esc quit folio');
	await alone.stop();

	const inside = await start([path.resolve('articles/guides/keys.md')], {t, width: 100, height: 30});
	await inside.waitFor(text => /Keys and navigation\s*$/m.test(text));
	await inside.send('Escape');
	await inside.waitFor(text => text.startsWith('folio — '));
	await inside.stop();
});
