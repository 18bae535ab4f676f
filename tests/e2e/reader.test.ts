import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {generateMarkdown} from '../helpers/generate.js';
import {readerScreen, readingStatus, scrolledBy, tocEntries} from '../helpers/reader-screen.js';
import {type Session, start, temporaryFolder} from '../helpers/terminal.js';

/** Open guides/keys at 100x30 and wait for its first screen. */
async function openKeys(t: ExecutionContext, size = {width: 100, height: 30}): Promise<{folio: Session; screen: string}> {
	const folio = await start(['guides/keys'], {t, ...size});
	const screen = await folio.waitFor(text => readingStatus.test(readerScreen(text).status) && text.includes('1 view ·'));
	return {folio, screen};
}

/** Whether a body row is this heading as the reader renders it: `#` marks, a space, the title. */
function isHeading(row: string, title: string): boolean {
	const match = /^(#{1,6}) (.*)$/.exec(row.trim());
	return match !== null && match[2] === title;
}

/** Wait until the status line names this section and the body starts with its heading. */
async function waitForSection(folio: Session, title: string): Promise<string> {
	return folio.waitFor(text => {
		const reader = readerScreen(text);
		return reader.section === title && isHeading(reader.top, title);
	});
}

test('the reader shows the TOC beside the body: title, meta line, summary and status line', async t => {
	const {folio, screen} = await openKeys(t);
	const reader = readerScreen(screen);
	t.true(await folio.alternateOn());
	t.true(reader.toc.length > 0, `expected a TOC pane left of │ at 100 columns, got:\n${screen}`);
	t.is(reader.body[0].trim(), 'Keys and navigation');
	t.regex(reader.body[1].trim(), /^📅 2026-11-21 · 📁 Guide · 👁 1 view · ⏱️ \d+ min read$/);
	t.true(reader.body[2].startsWith('💡 Every key folio understands'), 'the summary follows the meta line');
	t.is(reader.toc[0], '📑 Table of Contents');
	const entries = tocEntries(screen);
	for (const title of ['In the reader', 'Moving by section', 'The contents pane', 'In the library', 'Everywhere']) {
		t.true(entries.includes(title), `expected "${title}" in the TOC, got ${JSON.stringify(entries)}`);
	}

	t.is(reader.section, 'Keys and navigation');
	t.regex(reader.status, readingStatus);
	t.is(screen.split('\n').filter(line => readingStatus.test(line)).length, 1, 'one status line');
});

test('j and Down scroll one line down, k and Up one line up', async t => {
	const {folio, screen} = await openKeys(t);
	const initial = readerScreen(screen).body;
	for (const [key, shift] of [['j', 1], ['Down', 2], ['k', 1], ['Up', 0]] as const) {
		await folio.send(key);
		const after = await folio.waitFor(text => scrolledBy(initial, readerScreen(text).body) === shift);
		t.is(scrolledBy(initial, readerScreen(after).body), shift, `after ${key}`);
	}
});

test('Space, f and PageDown page down; b and PageUp page back up', async t => {
	const {folio, screen} = await openKeys(t);
	const first = readerScreen(screen).body;
	await folio.send('Space');
	const paged = await folio.waitFor(text => readerScreen(text).top !== first[0]);
	const shift = scrolledBy(first, readerScreen(paged).body, 1);
	t.is(shift, first.length - 1, `a page moves by the body height (${first.length} rows) less the one row kept in view`);
	for (const [back, forward] of [['b', 'f'], ['PageUp', 'PageDown']]) {
		await folio.send(back);
		await folio.waitFor(text => readerScreen(text).body.join('\n') === first.join('\n'));
		await folio.send(forward);
		await folio.waitFor(text => readerScreen(text).body.join('\n') === readerScreen(paged).body.join('\n'));
	}

	t.pass();
});

test('d scrolls half a page down and u half a page up', async t => {
	const {folio, screen} = await openKeys(t);
	const first = readerScreen(screen).body;
	await folio.send('d');
	// A whole frame that has moved: a screen caught while a frame is being written shows no shift.
	const half = await folio.waitFor(text => readerScreen(text).top !== first[0] && scrolledBy(first, readerScreen(text).body) !== undefined);
	const shift = scrolledBy(first, readerScreen(half).body);
	t.true(shift !== undefined && Math.abs(shift - (first.length / 2)) <= 1, `half of ${first.length} rows, moved ${shift}`);
	await folio.send('u');
	await folio.waitFor(text => readerScreen(text).body.join('\n') === first.join('\n'));
});

test('G goes to the bottom (100%) and g back to the top', async t => {
	const {folio, screen} = await openKeys(t);
	await folio.send('G');
	const bottom = await folio.waitFor(text => readerScreen(text).percent === 100);
	t.true(readerScreen(bottom).body.some(row => isHeading(row, 'Everywhere')), 'the last section is on screen');
	await folio.send('g');
	// The whole first frame again, not a frame caught half-written with the right top line.
	const first = readerScreen(screen).body.join('\n');
	const top = await folio.waitFor(text => readerScreen(text).body.join('\n') === first);
	t.is(readerScreen(top).top.trim(), 'Keys and navigation');
});

test('] and [ move by section: the status line names it and the body starts at its heading', async t => {
	const {folio} = await openKeys(t);
	await folio.send(']');
	await waitForSection(folio, 'In the reader');
	await folio.send(']');
	const second = await waitForSection(folio, 'Moving through the text');
	t.is(readerScreen(second).top.trim(), '### Moving through the text');
	await folio.send(']');
	await waitForSection(folio, 'Moving by section');
	await folio.send('[');
	await waitForSection(folio, 'Moving through the text');
	await folio.send('[');
	await waitForSection(folio, 'In the reader');
	t.pass();
});

test('keys typed fast: "]]]" in one write advances three sections', async t => {
	const {folio} = await openKeys(t);
	await folio.type(']]]');
	const screen = await waitForSection(folio, 'Moving by section');
	t.is(readerScreen(screen).top.trim(), '### Moving by section');
	await folio.type('jjkk[');
	await waitForSection(folio, 'Moving through the text');
});

test('/ searches: Enter jumps to the first match, n and N step through the matches', async t => {
	const {folio} = await openKeys(t);
	await folio.send('/');
	await folio.type('section');
	await folio.send('Enter');
	const first = await folio.waitFor(text => /^match 1 of \d+\b/.test(readerScreen(text).status));
	const total = Number(/^match 1 of (\d+)/.exec(readerScreen(first).status)![1]);
	t.true(total >= 2, `"section" occurs several times in guides/keys, got ${total}`);
	t.regex(readerScreen(first).top, /section/i, 'the first match is at the top of the body');
	await folio.send('n');
	await folio.waitFor(text => readerScreen(text).status.startsWith(`match 2 of ${total}`));
	await folio.send('N');
	const back = await folio.waitFor(text => readerScreen(text).status.startsWith(`match 1 of ${total}`));
	t.is(readerScreen(back).top, readerScreen(first).top);
});

test('t hides the TOC, giving the body the full width, and t shows it again', async t => {
	const {folio, screen} = await openKeys(t);
	await folio.send('t');
	// The reader keeps the narrow text until it has found the same place in the wide one.
	const widest = (text: string) => Math.max(...readerScreen(text).body.map(row => row.length));
	const hidden = await folio.waitFor(text => readerScreen(text).toc.length === 0 && readerScreen(text).top.trim() === 'Keys and navigation' && widest(text) > widest(screen));
	t.false(hidden.split('\n')[1].includes('│'));
	t.true(Math.max(...readerScreen(hidden).body.map(row => row.length)) > Math.max(...readerScreen(screen).body.map(row => row.length)), 'the body reflows wider');
	await folio.send('t');
	const shown = await folio.waitFor(text => readerScreen(text).toc.length > 0);
	t.deepEqual(tocEntries(shown), tocEntries(screen));
});

test('Tab focuses the TOC: Down moves the selection and Enter jumps to it', async t => {
	const {folio} = await openKeys(t);
	await folio.send('Tab');
	await folio.send('Down');
	await folio.send('Down');
	await folio.send('Enter');
	await waitForSection(folio, 'Moving by section');
	t.pass();
});

test('? lists every reader binding, page by page, and Esc closes the help', async t => {
	const {folio, screen} = await openKeys(t);
	await folio.send('?');
	// The help scrolls: page through it with Space until its footer says the last line is shown.
	const footer = /^(\d+)–(\d+) of (\d+)/m;
	let help = await folio.waitFor(text => footer.test(text));
	const pages = [help];
	for (let [, , end, total] = footer.exec(help)!; end !== total; [, , end, total] = footer.exec(help)!) {
		await folio.send('Space');
		const before = end;
		help = await folio.waitFor(text => footer.exec(text)?.[2] !== before);
		pages.push(help);
	}

	const keys = ['j', 'k', 'Space', 'f', 'b', 'd', 'u', 'g', 'G', ']', '[', '/', 'n', 'N', 't', 'Tab', '?', 'Esc', 'Backspace', 'q', 'Ctrl+C'];
	const tokens = new Set(pages.join('\n').split(/\s+/));
	t.deepEqual(keys.filter(key => !tokens.has(key)), [], `every binding is listed; help was:\n${pages.join('\n')}`);
	await folio.send('Escape');
	const back = await folio.waitFor(text => readingStatus.test(readerScreen(text).status));
	t.is(readerScreen(back).body.join('\n'), readerScreen(screen).body.join('\n'), 'the key that closed the help did nothing else');
});

test('Esc goes back to the library, Backspace too', async t => {
	const {folio} = await openKeys(t);
	await folio.send('Escape');
	await folio.waitFor(text => /^folio — \d+ articles · sorted by /.test(text));
	await folio.send('Enter');
	await folio.waitFor(text => readingStatus.test(readerScreen(text).status));
	await folio.send('BSpace');
	await folio.waitFor(text => /^folio — \d+ articles · sorted by /.test(text));
	t.pass();
});

test('below 70 columns the TOC is hidden and t shows it as a full-width overlay', async t => {
	const {folio, screen} = await openKeys(t, {width: 60, height: 20});
	const narrow = readerScreen(screen);
	t.is(narrow.toc.length, 0, `no TOC pane at 60 columns, got:\n${screen}`);
	t.is(narrow.top.trim(), 'Keys and navigation');
	await folio.send('t');
	const overlay = await folio.waitFor(text => text.includes('Moving by section') && !text.includes('1 view ·'));
	t.true(overlay.split('\n').some(line => /^\W*In the reader$/.test(line.trim())), 'the overlay lists the sections');
	t.false(overlay.includes('│'), 'the overlay is a full-width list, not a pane');
	await folio.send('Down', 'Down', 'Enter');
	const jumped = await waitForSection(folio, 'Moving by section');
	t.is(readerScreen(jumped).toc.length, 0, 'the overlay closes after the jump');
	await folio.send('t');
	await folio.waitFor(text => !text.includes('### Moving by section'));
	await folio.send('t');
	await waitForSection(folio, 'Moving by section');
});

test('a ~1 MB document opens and G, g and ] work; q quits cleanly', async t => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'large.md');
	writeFileSync(file, generateMarkdown(1_000_000));
	const folio = await start([file], {t, width: 100, height: 30});
	const opened = await folio.waitFor(text => readingStatus.test(readerScreen(text).status) && text.includes('Generated reference'), 20_000);
	t.is(readerScreen(opened).top.trim(), 'Generated reference');
	await folio.send('G');
	const bottom = await folio.waitFor(text => readerScreen(text).percent === 100);
	t.regex(readerScreen(bottom).status, readingStatus);
	await folio.send('g');
	await folio.waitFor(text => readerScreen(text).top.trim() === 'Generated reference');
	await folio.send(']', ']');
	const chapter = await folio.waitFor(text => readerScreen(text).section.startsWith('Chapter 1:'));
	t.regex(readerScreen(chapter).top.trim(), /^## Chapter 1: /);
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
	t.false(await folio.alternateOn());
});
