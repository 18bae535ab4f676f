import test from 'ava';
import {drawnAt, readerScreen, readingStatus, widestRow} from '../helpers/reader-screen.js';
import {start} from '../helpers/terminal.js';

test('a resize storm leaves a clean screen at the same section, and keys still work', async t => {
	const folio = await start(['guides/keys'], {t, width: 100, height: 30});
	await folio.waitFor(text => readingStatus.test(readerScreen(text).status));
	await folio.send(']', ']', ']');
	const before = readerScreen(await folio.waitFor(text => readerScreen(text).section === 'Moving by section')).section;
	const sizes: Array<[number, number]> = [[60, 20], [120, 40], [30, 10], [90, 25], [20, 6], [140, 35], [71, 24], [69, 24], [100, 30]];
	for (const [width, height] of [...sizes, ...sizes]) {
		await folio.resize(width, height);
	}

	await folio.waitFor(text => drawnAt(text, 100));
	const screen = await folio.settled();
	t.true(widestRow(screen) <= 100, `every row fits:\n${screen}`);
	t.is(screen.split('\n').filter(row => readingStatus.test(row)).length, 1, `one status line:\n${screen}`);
	t.is(readerScreen(screen).section, before);
	await folio.send(']');
	await folio.waitFor(text => readerScreen(text).section === 'Searching');
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
});

test('a tiny terminal of 20x6 survives every key and quits cleanly', async t => {
	const folio = await start(['guides/keys'], {t, width: 20, height: 6});
	await folio.waitFor(text => /\d+%/.test(text));
	// Keys in bursts, each ending at an Escape: an Escape read in one chunk with the next key is
	// that key with Alt (`ESC /` is Alt+/), as in any terminal program, so the next burst waits.
	await folio.send(']', 'G', 'g', 't', 'Down', 'Enter', 'Tab', 'Tab', '?', 'x', 'Escape');
	await folio.settled();
	await folio.send('/', 'k', 'e', 'y', 'Enter', 'n', 'N', 'd', 'u', 'Escape');
	const library = await folio.waitFor(text => text.includes('folio —'));
	t.true(widestRow(library) <= 20, library);
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
});

test('with stdin not a terminal, keys still come from the terminal', async t => {
	const folio = await start(['guides/keys'], {t, width: 100, height: 30, stdinFile: '/dev/null'});
	// `cat /dev/null | folio guides/keys`: the article is named, stdin is an empty pipe.
	await folio.waitFor(text => readingStatus.test(readerScreen(text).status));
	await folio.send(']');
	await folio.waitFor(text => readerScreen(text).section === 'In the reader');
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
});

test('the reader draws even with CI set in the environment', async t => {
	// Ink shows only its last frame under CI=true; folio must still draw for the person at the terminal.
	const folio = await start(['guides/keys'], {t, width: 100, height: 30, env: {CI: 'true', CONTINUOUS_INTEGRATION: '1'}});
	await folio.waitFor(text => readingStatus.test(readerScreen(text).status));
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
});
