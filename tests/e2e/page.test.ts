import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import stringWidth from 'string-width';
import {readerScreen, readingStatus} from '../helpers/reader-screen.js';
import {start, temporaryFolder} from '../helpers/terminal.js';
import {colourParameters, sgrParameters} from '../helpers/sgr.js';

/** The reader's first screen is drawn: the status line and the header's view count. */
const opened = (text: string) => readingStatus.test(readerScreen(text).status) && text.includes('1 view');

test('the reader shows the seed\'s page: contents title, title, facts with icons, summary', async t => {
	const folio = await start(['reference/commands'], {t, width: 120, height: 30});
	const screen = readerScreen(await folio.waitFor(opened));
	t.is(screen.toc[0], '📑 Table of Contents');
	t.is(screen.body[0].trim(), 'Command reference');
	t.regex(screen.body[1].trim(), /^📅 \d{4}-\d\d-\d\d · 📁 Reference · 👁 1 view · ⏱️ \d+ min read$/);
	t.regex(screen.body[2].trim(), /^💡 \S/);
});

test('with icons off the header and the contents title are words', async t => {
	const configDir = temporaryFolder(t);
	writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({icons: false}));
	const reader = await start(['reference/commands'], {t, width: 120, height: 30, env: {FOLIO_CONFIG_DIR: configDir}});
	const screen = readerScreen(await reader.waitFor(opened));
	t.is(screen.toc[0], 'Table of Contents');
	t.regex(screen.body[1].trim(), /^Date: \d{4}-\d\d-\d\d · Category: Reference · 1 view · \d+ min read$/);
	t.regex(screen.body[2].trim(), /^Summary: \S/);
});

test('on a 200-column terminal the text is at most 100 columns, centred beside the contents', async t => {
	const folio = await start(['guides/keys'], {t, width: 200, height: 40});
	const screen = readerScreen(await folio.waitFor(opened));
	const body = screen.body.filter(line => line.trim() !== '');
	const margins = body.map(line => line.length - line.trimStart().length);
	const widest = Math.max(...body.map(line => stringWidth(line.trim())));
	t.true(widest <= 100 && widest > 60, `the widest line is ${widest} columns`);
	const margin = Math.min(...margins);
	const separator = screen.rows[3].indexOf('│');
	const space = 200 - separator - 2;
	t.true(margin >= 20, `the text starts ${margin} columns in`);
	t.true(Math.abs((space - 100) / 2 - margin) <= 2, `centred: margin ${margin} in ${space} columns`);
	await folio.send('t');
	const hidden = readerScreen(await folio.waitFor(text => !text.includes('Table of Contents')));
	const noTocMargin = Math.min(...hidden.body.filter(line => line.trim() !== '').map(line => line.length - line.trimStart().length));
	t.true(noTocMargin >= 48, `without the pane the text is centred in the whole width, ${noTocMargin} columns in`);
});

test('--max-width sets the text\'s width', async t => {
	const folio = await start(['guides/keys', '--max-width', '60'], {t, width: 200, height: 40});
	const screen = readerScreen(await folio.waitFor(opened));
	const widest = Math.max(...screen.body.map(line => stringWidth(line.trim())));
	t.true(widest <= 60, `the widest line is ${widest} columns`);
});

test('NO_COLOR: the reader draws no colour at all, only bold, dim, underline and inverse', async t => {
	const folio = await start(['guides/keys'], {t, width: 100, height: 30, env: {NO_COLOR: '1'}});
	await folio.waitFor(opened);
	await folio.send('/');
	await folio.type('key');
	await folio.send('Enter');
	await folio.waitFor(text => /match \d+ of \d+/.test(text));
	const styled = await folio.styledScreen();
	t.deepEqual(colourParameters(styled), [], 'no colour SGR on screen');
	t.true(sgrParameters(styled).includes('1'), 'headings are still bold');
	t.true(sgrParameters(styled).includes('7'), 'matches are still in reverse video');
	await folio.stop();
	const coloured = await start(['guides/keys'], {t, width: 100, height: 30});
	await coloured.waitFor(opened);
	t.notDeepEqual(colourParameters(await coloured.styledScreen()), [], 'without NO_COLOR the dark theme colours the page');
});

test('help scrolls at 50×15 with j, k, Space, g and G; Esc closes it', async t => {
	const folio = await start(['guides/keys'], {t, width: 50, height: 15});
	await folio.waitFor(opened);
	await folio.send('?');
	const first = await folio.waitFor(text => /\b1–\d+ of \d+/.test(text));
	const total = Number(/of (\d+)/.exec(first)![1]);
	t.true(total > 14);
	await folio.send('j');
	await folio.waitFor(text => /\b2–\d+ of /.test(text));
	await folio.send('Space');
	await folio.waitFor(text => /\b14–\d+ of /.test(text), 10_000);
	await folio.send('G');
	const end = await folio.waitFor(text => new RegExp(`–${total} of ${total}`).test(text));
	t.true(end.includes('close the help'), 'the last binding is reachable');
	for (const line of end.split('\n')) {
		t.true(stringWidth(line) <= 50, line);
	}

	await folio.send('k');
	await folio.waitFor(text => new RegExp(`–${total - 1} of ${total}`).test(text));
	await folio.send('g');
	await folio.waitFor(text => /\b1–\d+ of /.test(text));
	await folio.send('Escape');
	await folio.waitFor(opened);
	t.pass();
});
