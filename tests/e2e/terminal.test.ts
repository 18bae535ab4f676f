import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {drawnAt, readerScreen, readingStatus, tocEntries, widestRow} from '../helpers/reader-screen.js';
import {articles, type Session, start, temporaryFolder} from '../helpers/terminal.js';

/** Open guides/keys and wait for its first screen. */
async function openKeys(t: ExecutionContext, width = 100, height = 30): Promise<{folio: Session; screen: string}> {
	const folio = await start(['guides/keys'], {t, width, height});
	const screen = await folio.waitFor(text => readingStatus.test(readerScreen(text).status) && text.includes('Keys and navigation'));
	return {folio, screen};
}

/** While folio runs: alternate screen on, cursor hidden. */
async function assertRunning(t: ExecutionContext, folio: Session) {
	t.true(await folio.alternateOn(), 'folio runs in the alternate screen');
	t.true(await folio.cursorHidden(), 'folio hides the cursor while it runs');
}

/** After folio ends: main screen back with the shell's EXIT line, cursor visible, nothing of folio left. */
async function assertRestored(t: ExecutionContext, folio: Session, code: number) {
	t.is(await folio.exitCode(), code);
	t.false(await folio.alternateOn(), 'the alternate screen is off');
	t.false(await folio.cursorHidden(), 'the cursor is visible');
	const screen = await folio.screen();
	t.regex(screen, new RegExp(`^EXIT=${code}$`, 'm'));
	t.false(/\? help · q quit/.test(screen), `no reader left on the main screen, got:\n${screen}`);
}

/** Every row fits the width and the status line appears exactly once. */
function assertClean(t: ExecutionContext, screen: string, width: number) {
	t.true(widestRow(screen) <= width, `every row fits in ${width} columns, widest is ${widestRow(screen)}:\n${screen}`);
	t.is(screen.split('\n').filter(row => readingStatus.test(row)).length, 1, `one status line, got:\n${screen}`);
}

/** Press `]` until the status line names `section`; returns that screen. */
async function jumpTo(folio: Session, times: number, section: string): Promise<string> {
	await folio.send(...Array.from({length: times}, () => ']'));
	return folio.waitFor(text => readerScreen(text).section === section);
}

test('q restores the terminal: main screen, visible cursor, exit status 0', async t => {
	const {folio} = await openKeys(t);
	await assertRunning(t, folio);
	await folio.send('q');
	await assertRestored(t, folio, 0);
});

test('Ctrl+C in the reader quits with status 130 and restores the terminal', async t => {
	const {folio} = await openKeys(t);
	await assertRunning(t, folio);
	await folio.send('C-c');
	await assertRestored(t, folio, 130);
});

test('Ctrl+C in the library quits with status 130 and restores the terminal', async t => {
	const folio = await start([], {t});
	await folio.waitFor('sorted by title');
	await assertRunning(t, folio);
	await folio.send('C-c');
	await assertRestored(t, folio, 130);
});

test('SIGTERM restores the terminal and folio dies by the signal (143)', async t => {
	const {folio} = await openKeys(t);
	await assertRunning(t, folio);
	await folio.kill('SIGTERM');
	await assertRestored(t, folio, 143);
});

test('resize re-renders at the new width and keeps the same section at the top', async t => {
	const {folio} = await openKeys(t);
	const before = await jumpTo(folio, 3, 'Moving by section');
	assertClean(t, before, 100);
	for (const [width, height] of [[80, 24], [120, 40], [100, 30]]) {
		await folio.resize(width, height);
		await folio.waitFor(text => drawnAt(text, width));
		const after = await folio.settled();
		const reader = readerScreen(after);
		t.is(reader.section, 'Moving by section', `at ${width}x${height}`);
		t.is(reader.top.trim(), '### Moving by section', `at ${width}x${height}`);
		t.true(reader.toc.length > 0, `the TOC stays beside the body at ${width} columns`);
		assertClean(t, after, width);
	}
});

test('resizing below 70 columns hides the TOC and keeps the section at the top', async t => {
	const {folio} = await openKeys(t);
	await jumpTo(folio, 3, 'Moving by section');
	await folio.resize(60, 24);
	await folio.waitFor(text => drawnAt(text, 60));
	const narrow = await folio.settled();
	assertClean(t, narrow, 60);
	const reader = readerScreen(narrow);
	t.is(reader.section, 'Moving by section');
	t.is(reader.top.trim(), '### Moving by section', `below 70 columns the body shows, not the TOC; got:\n${narrow}`);
});

test('resizing to a narrow width and back gives the same screen as before', async t => {
	const {folio} = await openKeys(t);
	// G renders the whole article: until then the percentage is an estimate that may still move
	// after the screen has looked settled (on a loaded machine), and both screens must be final.
	await folio.send('G');
	await folio.waitFor(text => readerScreen(text).percent === 100);
	await folio.send('g');
	await folio.waitFor(text => readerScreen(text).top.includes('Keys and navigation'));
	await jumpTo(folio, 3, 'Moving by section');
	const before = await folio.settled();
	await folio.resize(60, 30);
	await folio.waitFor(text => drawnAt(text, 60));
	await folio.settled();
	await folio.resize(100, 30);
	await folio.waitFor(text => drawnAt(text, 100));
	const after = await folio.settled();
	// Read marks (✓) may be added meanwhile; everything else must be where it was.
	const unmarked = (screen: string) => screen.replaceAll('✓', ' ');
	t.is(unmarked(after), unmarked(before), `expected the layout from before the resize, got:\n${after}`);
});

test('at 20x6 the reader still works: ] moves by section, G reaches 100%, q quits cleanly', async t => {
	const folio = await start(['guides/keys'], {t, width: 20, height: 6});
	const first = await folio.waitFor(text => /\d+%/.test(readerScreen(text).status));
	t.true(widestRow(first) <= 20, `rows fit 20 columns:\n${first}`);
	await folio.send(']');
	await folio.waitFor(text => readerScreen(text).top.trim() === '## In the reader');
	await folio.send('G');
	const bottom = await folio.waitFor(text => readerScreen(text).percent === 100);
	t.true(widestRow(bottom) <= 20);
	await folio.send('q');
	await assertRestored(t, folio, 0);
});

test('an OSC title sequence in an article changes neither the pane title nor the TOC', async t => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'title.md');
	writeFileSync(file, [
		'# Title \u001B]2;PWNED\u0007 here',
		'',
		'Body text \u001B]0;PWNED\u0007 after the sequence.',
		'',
		'## Second \u001B]2;PWNED\u0007 part',
		'',
		'More text.',
		'',
	].join('\n'));
	const folio = await start([file], {t});
	const titleBefore = await folio.paneTitle();
	t.false(titleBefore.includes('PWNED'));
	const screen = await folio.waitFor(text => text.includes('after the sequence') && readingStatus.test(readerScreen(text).status));
	await folio.send('G', 'g');
	await folio.waitFor(text => readerScreen(text).top.includes('Title'));
	const title = await folio.paneTitle();
	t.false(title.includes('PWNED'), `the pane title must not change, got ${JSON.stringify(title)}`);
	const entries = tocEntries(screen);
	t.true(entries.length >= 2, `expected the TOC, got:\n${screen}`);
	t.deepEqual(entries.filter(entry => /PWNED|\]2;|\]0;/.test(entry)), [], `no trace of the sequence in the TOC; TOC was ${JSON.stringify(entries)}`);
});

test('stdin: `cat file | folio -` shows the article and reads keys from the terminal', async t => {
	const folio = await start(['-'], {t, stdinFile: path.join(articles, 'guides', 'keys.md')});
	const screen = await folio.waitFor(text => readingStatus.test(readerScreen(text).status) && text.includes('Keys and navigation'));
	t.is(readerScreen(screen).top.trim(), 'Keys and navigation');
	await assertRunning(t, folio);
	await folio.send(']');
	await folio.waitFor(text => readerScreen(text).section === 'In the reader' && readerScreen(text).top.trim() === '## In the reader');
	await folio.send('q');
	await assertRestored(t, folio, 0);
});
