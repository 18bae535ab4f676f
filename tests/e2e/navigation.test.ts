import {appendFileSync, chmodSync, cpSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {readerScreen, readingStatus, scrolledBy} from '../helpers/reader-screen.js';
import {articles, type Session, start, type StartOptions, temporaryFolder} from '../helpers/terminal.js';

/** Open an article and wait for its first screen. */
async function open(t: ExecutionContext, article: string, options: StartOptions = {}): Promise<{folio: Session; screen: string}> {
	const folio = await start([article], {t, width: 100, height: 30, ...options});
	const screen = await folio.waitFor(text => readingStatus.test(readerScreen(text).status));
	return {folio, screen};
}

/**
 * A program named `name` in a folder of its own that writes its arguments, one a line, to a
 * record file and exits: a stand-in browser or editor, found on PATH as the real one would be.
 */
function recorder(t: ExecutionContext, name: string): {env: Record<string, string>; record: string} {
	const folder = temporaryFolder(t);
	const script = path.join(folder, name);
	const record = path.join(folder, `${name}.args`);
	writeFileSync(script, `#!/bin/sh\nfor arg in "$@"; do printf '%s\\n' "$arg"; done > '${record}.tmp'\nmv '${record}.tmp' '${record}'\n`);
	chmodSync(script, 0o755);
	return {env: {PATH: `${folder}:${process.env.PATH ?? '/usr/bin:/bin'}`}, record};
}

/** The arguments the recorder was called with, once it has been (at most 10 s). */
async function recorded(record: string): Promise<string[]> {
	const deadline = Date.now() + 10_000;
	while (!existsSync(record)) {
		if (Date.now() > deadline) {
			throw new Error(`Expected ${record} to be written within 10 s: the program was never run`);
		}

		// Polling a file another process writes: there is no event to wait for.
		await new Promise(resolve => {
			setTimeout(resolve, 25);
		});
	}

	return readFileSync(record, 'utf8').split('\n').slice(0, -1);
}

/** An SGR mouse report as a terminal sends it (column and row 1-based); 64/65 are the wheel. */
async function mouse(folio: Session, code: number, column: number, row: number): Promise<void> {
	await folio.type(`\u001B[<${code};${column};${row}M`);
}

/** Search for `text` and wait until its line is at the top. */
async function goToText(folio: Session, text: string): Promise<void> {
	await folio.send('/');
	await folio.type(text);
	await folio.send('Enter');
	await folio.waitFor(screen => readerScreen(screen).top.includes(text));
}

test('o follows a relative link to another article\'s anchor; H comes back to the exact place, L goes forward', async t => {
	const {folio} = await open(t, 'guides/keys');
	await goToText(folio, 'Links and history');
	const heading = readerScreen(await folio.screen()).body;
	await folio.send('j', 'j');
	const before = await folio.waitFor(text => scrolledBy(heading, readerScreen(text).body) === 2);
	await folio.send('o');
	await folio.waitFor(/Links \(\d+\)/);
	await folio.type('another');
	await folio.waitFor(/Links matching “another” \(1\)/);
	await folio.send('Enter');
	const linked = await folio.waitFor(text => readerScreen(text).section === 'folio cat');
	t.regex(readerScreen(linked).top, /folio cat/);
	await folio.send('H');
	const back = await folio.waitFor(text => readerScreen(text).section === 'Links and history');
	t.is(readerScreen(back).top, readerScreen(before).top, 'the exact place left');
	await folio.send('L');
	const forward = await folio.waitFor(text => readerScreen(text).section === 'folio cat');
	t.is(readerScreen(forward).top, readerScreen(linked).top);
	await folio.stop();
});

test('an external link runs $BROWSER with the URL and the status line says so', async t => {
	const browser = recorder(t, 'fake-browser');
	const {folio} = await open(t, 'guides/keys', {env: {...browser.env, BROWSER: 'fake-browser'}});
	await folio.send('o');
	// j and k move in the list: the filter is typed without them.
	await folio.type('Common');
	await folio.waitFor(/Links matching “Common” \(1\)/);
	await folio.send('Enter');
	await folio.waitFor(/opened https:\/\/commonmark\.org with fake-browser/);
	t.deepEqual(await recorded(browser.record), ['https://commonmark.org']);
	await folio.stop();
});

test('3] jumps three sections ahead', async t => {
	const {folio} = await open(t, 'guides/keys');
	await folio.send('3', ']');
	const screen = await folio.waitFor(text => readerScreen(text).section === 'Moving by section');
	t.regex(readerScreen(screen).top, /Moving by section/);
	await folio.stop();
});

test('a mark set before quitting is there after a restart, and \'\' goes back to where the jump started', async t => {
	const stateDir = temporaryFolder(t);
	const first = await open(t, 'guides/keys', {stateDir});
	await first.folio.send('4', ']', 'j', 'm', 'a');
	const marked = await first.folio.waitFor(/mark a set/);
	t.regex(readerScreen(marked).toc.join('\n'), /'a/, 'the contents show the mark');
	await first.folio.send('q');
	t.is(await first.folio.exitCode(), 0);
	await first.folio.stop();

	const second = await open(t, 'guides/keys', {stateDir});
	await second.folio.send('g');
	const topScreen = await second.folio.waitFor(text => readerScreen(text).top.includes('Keys and navigation'));
	await second.folio.send('\'', 'a');
	const back = await second.folio.waitFor(text => readerScreen(text).top === readerScreen(marked).top);
	t.is(readerScreen(back).top, readerScreen(marked).top);
	await second.folio.send('\'', '\'');
	await second.folio.waitFor(text => readerScreen(text).top === readerScreen(topScreen).top);
	await second.folio.stop();
});

test('e runs $EDITOR with +LINE FILE at the current section, and the reader comes back', async t => {
	const editor = recorder(t, 'fake-editor');
	const {folio} = await open(t, 'guides/keys', {env: {...editor.env, EDITOR: 'fake-editor', VISUAL: undefined}});
	await folio.send('2', ']');
	await folio.waitFor(text => readerScreen(text).section === 'Moving through the text');
	await folio.send('e');
	const file = path.join(articles, 'guides', 'keys.md');
	const line = readFileSync(file, 'utf8').split('\n').indexOf('### Moving through the text') + 1;
	t.deepEqual(await recorded(editor.record), [`+${line}`, file]);
	await folio.waitFor(text => /edited with fake-editor/.test(text) && readerScreen(text).top.includes('Moving through the text'));
	t.true(await folio.alternateOn(), 'back in the alternate screen');
	t.is(await folio.mouseTracking(), 'vt200', 'mouse reporting is on again');
	await folio.stop();
});

test('an append to the open file is shown within a second, at the same place', async t => {
	const library = temporaryFolder(t);
	cpSync(path.join(articles, 'guides'), library, {recursive: true});
	const {folio} = await open(t, 'keys', {env: {FOLIO_DIR: library}});
	await folio.send('3', ']');
	const before = await folio.waitFor(text => readerScreen(text).section === 'Moving by section');
	const appended = performance.now();
	appendFileSync(path.join(library, 'keys.md'), '\n## Appended later\n\nNew text.\n');
	const after = await folio.waitFor(text => readerScreen(text).toc.some(row => row.includes('Appended later')), 5000);
	const latency = performance.now() - appended;
	t.log(`reload latency: ${Math.round(latency)} ms`);
	t.true(latency < 1000, `reloaded after ${Math.round(latency)} ms`);
	t.is(readerScreen(after).top, readerScreen(before).top);
	await folio.stop();
});

test('the mouse wheel scrolls the text under the pointer; a click in the contents jumps there', async t => {
	const {folio, screen} = await open(t, 'guides/keys');
	t.is(await folio.mouseTracking(), 'vt200', 'mouse reporting is on while full screen');
	await mouse(folio, 65, 70, 10);
	// One notch is three lines: a screen scrolled by any other amount never satisfies the wait.
	const scrolled = await folio.waitFor(function scrolledThreeLines(text) {
		return scrolledBy(readerScreen(screen).body, readerScreen(text).body) === 3;
	});
	t.not(readerScreen(scrolled).top, readerScreen(screen).top);
	await mouse(folio, 64, 70, 10);
	await folio.waitFor(text => readerScreen(text).top === readerScreen(screen).top);
	const row = readerScreen(screen).toc.findIndex(entry => entry.includes('Everywhere'));
	t.true(row >= 0, screen);
	await mouse(folio, 0, 5, row + 1);
	await folio.waitFor(text => readerScreen(text).section === 'Everywhere');
	await folio.stop();
});

for (const [how, leave, code] of [
	['q', async (folio: Session) => folio.send('q'), 0],
	['Ctrl+C', async (folio: Session) => folio.send('C-c'), 130],
	['SIGTERM', async (folio: Session) => folio.kill('SIGTERM'), 143],
] as const) {
	test(`the terminal is left without mouse reporting after ${how}`, async t => {
		const {folio} = await open(t, 'guides/keys');
		t.is(await folio.mouseTracking(), 'vt200');
		await leave(folio);
		t.is(await folio.exitCode(), code);
		t.is(await folio.mouseTracking(), 'none');
		await folio.stop();
	});
}
