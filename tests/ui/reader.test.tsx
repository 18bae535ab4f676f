import test from 'ava';
import stringWidth from 'string-width';
import {articleFrom, renderReader, sectionedArticle, temporaryStore} from '../helpers/ui.js';

const article = articleFrom(sectionedArticle());
const statusLine = (lines: string[]) => lines.at(-1) ?? '';

test.serial('the reader shows the header, the TOC beside the body and a status line', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	const lines = (await reader.drawn()).split('\n');
	t.is(lines.length, 23, 'one row shorter than the terminal, so Ink never clears the screen');
	t.regex(lines[0], /^📑 Table of Contents\s+│ Long read/);
	t.regex(lines[1], /^. Section 1\s+│ 📅 2026-02-03 · 📁 Test · ⏱️ \d+ min read$/, "no view count for an article whose state is not kept");
	t.regex(lines[2], /│ 💡 A long article for tests\./);
	t.regex(statusLine(lines), /^Long read\s+\d+%\s+\? help · q quit$/);
	for (const line of lines) {
		t.true(stringWidth(line) <= 100, line);
	}

});

test.serial('] jumps to the next section and the TOC lights it', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	await reader.press(']');
	let lines = reader.lines();
	t.regex(lines[0], /│ ## Section 1$/);
	t.regex(statusLine(lines), /^Section 1 /);
	await reader.press(']', ']');
	lines = reader.lines();
	t.regex(lines[0], /│ ## Section 2$/);
	t.regex(statusLine(lines), /^Section 2 /);
	await reader.press('[');
	t.regex(reader.lines()[0], /│ ### Detail 1$/);
});

test.serial('keys delivered together are all applied', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	await reader.press(...']]]]]'.split(''));
	t.regex(reader.lines()[0], /│ ## Section 3$/);
});

test.serial('j, k, space, b, d, u, G and g move the body', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	const top = () => reader.lines()[0].split('│')[1];
	const start = top();
	await reader.press('j');
	t.not(top(), start);
	await reader.press('k');
	t.is(top(), start);
	await reader.press('G');
	t.regex(statusLine(reader.lines()), /100%/);
	await reader.press('g');
	t.is(top(), start);
	// Each key must move: a page or half a page down, then back to the very start.
	for (const [forward, back] of [['space', 'b'], ['d', 'u']]) {
		await reader.press(forward);
		t.not(top(), start, `${forward} moves down`);
		await reader.press(back);
		t.is(top(), start, `${back} comes back to the start`);
	}
});

test.serial('search finds matches, n and N move between them and matches are marked', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	await reader.press('/', ...'Start of section'.split('').map(key => (key === ' ' ? 'space' : key)));
	t.regex(statusLine(reader.lines()), /^\/Start of section/);
	await reader.press('enter');
	t.regex(statusLine(reader.lines()), /match 1 of 12/);
	t.true(reader.frame().includes('\u001B[4m\u001B[7m\u001B[93mStart of section\u001B[39m\u001B[27m\u001B[24m 1.'), 'the current match in the dark theme\'s style: reverse video, underlined, bright yellow');
	await reader.press('n');
	t.regex(statusLine(reader.lines()), /match 2 of 12/);
	await reader.press('N', 'N');
	t.regex(statusLine(reader.lines()), /match 12 of 12|wrapped/);
});

test.serial('a search with no match says so and keeps the place', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	const before = reader.lines()[0];
	await reader.press('/', 'z', 'q', 'x', 'enter');
	t.regex(statusLine(reader.lines()), /not found: zqx/);
	t.is(reader.lines()[0], before);
});

test.serial('t hides and shows the TOC pane', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	t.true(reader.lines()[0].includes('│'));
	await reader.press('t');
	t.false(reader.lines()[0].includes('│'));
	t.regex(reader.lines()[0], /^Long read/);
	await reader.press('t');
	t.true(reader.lines()[0].includes('│'));
});

test.serial('Tab focuses the TOC, Down selects and Enter jumps there', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	await reader.press('tab');
	t.regex(statusLine(reader.lines()), /Enter jump/);
	await reader.press('down', 'down', 'enter');
	t.regex(reader.lines()[0], /│ ## Section 2$/);
	t.regex(statusLine(reader.lines()), /\? help · q quit/);
});

test.serial('? shows help listing every reader binding; Esc, ? and q close it', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 80});
	await reader.press('?');
	const frame = reader.frame();
	for (const description of ['scroll down one line', 'next section', 'search in the article', 'show or hide the table of contents', 'back to the library', 'quit from anywhere', 'close the help']) {
		t.true(frame.includes(description), description);
	}

	await reader.press('x');
	t.true(reader.frame().includes('folio keys'), 'other keys leave the help open');
	for (const key of ['escape', '?', 'q']) {
		await reader.press(key);
		t.false(reader.frame().includes('folio keys'), key);
		await reader.press('?');
	}

	t.deepEqual(reader.exits, [], 'q closes the help, it does not quit');
	reader.unmount();
});

test.serial('help scrolls with j, k, Space, g and G and is never cut off at 20x6', async t => {
	const reader = renderReader(t, article, {columns: 20, rows: 6});
	await reader.press('?');
	const seen = new Set<string>();
	const look = () => {
		const lines = reader.lines();
		t.is(lines.length, 5);
		for (const line of lines) {
			t.true(stringWidth(line) <= 20, JSON.stringify(line));
		}

		for (const line of lines.slice(0, -1)) {
			seen.add(line.trim());
		}

		return lines;
	};

	const first = look();
	t.regex(first.at(-1)!, /^1–4 of \d+/);
	await reader.press('j');
	t.regex(look().at(-1)!, /^2–5 of/);
	await reader.press('k', 'k');
	t.regex(look().at(-1)!, /^1–4 of/);
	const total = Number(/of (\d+)/.exec(first.at(-1)!)![1]);
	for (let page = 0; page * 3 < total; page++) {
		await reader.press('space');
		look();
	}

	await reader.press('G');
	t.regex(look().at(-1)!, new RegExp(`^${total - 3}–${total} of ${total}`));
	await reader.press('g');
	t.regex(look().at(-1)!, /^1–4 of/);
	for (const text of ['quit from anywhere', 'close the help', 'next section']) {
		t.true([...seen].join(' ').includes(text.split(' ')[0]), text);
	}

	t.true(seen.has('quit from') || [...seen].some(line => line.includes('anywhere')), 'the last bindings are reachable');
	reader.unmount();
});

test.serial('Esc goes back, q quits and Ctrl+C interrupts', async t => {
	for (const [key, exit] of [['escape', 'back'], ['backspace', 'back'], ['q', 'quit'], ['ctrl+c', 'interrupt']] as const) {
		const reader = renderReader(t, article);
		await reader.press(key);
		t.deepEqual(reader.exits, [exit], key);
		reader.unmount();
	}
});

test.serial('below 70 columns the TOC is an overlay toggled with t', async t => {
	const reader = renderReader(t, article, {columns: 60, rows: 20});
	t.false(reader.frame().includes('│'));
	t.regex(reader.lines()[0], /^Long read/);
	await reader.press('t');
	t.regex(reader.lines()[0], /Table of Contents/);
	t.regex(reader.lines()[1], /Section 1/);
	t.false(reader.frame().includes('Start of section'));
	await reader.press('down', 'down', 'enter');
	t.regex(reader.lines()[0], /^## Section 2/);
});

test.serial('at 20x6 the reader still draws and moves without overflowing', async t => {
	const reader = renderReader(t, article, {columns: 20, rows: 6});
	await reader.press(']', 'j', 'G', 't', 'down', 'enter', '?', 'x', '/', 'a', 'enter');
	const lines = reader.lines();
	t.is(lines.length, 5);
	for (const line of lines) {
		t.true(stringWidth(line) <= 20, JSON.stringify(line));
	}

});

test.serial('resizing keeps the same section at the top', async t => {
	const reader = renderReader(t, article, {columns: 120, rows: 30});
	await reader.press(']', ']', ']', ']', ']', 'j', 'j');
	const section = statusLine(reader.lines()).split(/\s{2,}/)[0];
	await reader.resize(72, 20);
	t.is(statusLine(reader.lines()).split(/\s{2,}/)[0], section);
	await reader.resize(140, 40);
	t.is(statusLine(reader.lines()).split(/\s{2,}/)[0], section);
});

test.serial('opening counts a view, and the place is saved and resumed', async t => {
	const {store} = temporaryStore(t);
	const first = renderReader(t, article, {columns: 100, rows: 24, store});
	t.regex(first.lines()[1], /1 view ·/);
	await first.press(']', ']', ']', ']', 'j');
	const section = statusLine(first.lines()).split(/\s{2,}/)[0];
	await first.press('q');
	first.unmount();
	const saved = store.get(article.id);
	t.is(saved?.views, 1);
	t.is(saved?.position?.slug, 'detail-2');

	const second = renderReader(t, article, {columns: 80, rows: 20, store});
	t.is(statusLine(second.lines()).split(/\s{2,}/)[0], section);
	t.is(store.get(article.id)?.views, 2);
});

test.serial('sections already read are marked in the TOC', async t => {
	const reader = renderReader(t, article, {columns: 100, rows: 24});
	await reader.press(']', ']', ']', ']');
	const toc = reader.lines().map(line => line.split('│')[0]);
	t.true(toc.some(line => line.startsWith('✓') && line.includes('Section 1')));
	t.false(toc.some(line => line.startsWith('✓') && line.includes('Section 5')));
});
