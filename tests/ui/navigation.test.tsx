import test from 'ava';
import type {Article} from '../../source/core/article/article.js';
import type {ReadingPosition} from '../../source/core/reader/position.js';
import type {ArticleFiles} from '../../source/ui/hooks/use-live-article.js';
import type {ReaderNavigator} from '../../source/ui/hooks/use-reader-navigator.js';
import {articleFrom, renderReader, sectionedArticle, temporaryStore} from '../helpers/ui.js';

const body = sectionedArticle(6).split('---\n').at(-1)!;
const linked = articleFrom([
	'---', 'title: Linked', '---', '',
	'Intro with [a jump to section 3](#section-3), [another article](../other/page.md#part-two), [the web](https://example.com) and [a script](javascript:alert(1)).', '',
	body,
].join('\n'));
const top = (lines: string[]) => lines[0].split('│')[1] ?? lines[0];
const status = (lines: string[]) => lines.at(-1) ?? '';

/** A navigator that records what the reader asks of the App. */
function recordingNavigator(answers: {history?: ReadingPosition | 'elsewhere'} = {}) {
	const calls: Array<[string, ...unknown[]]> = [];
	const navigator: ReaderNavigator = {
		remember(from) {
			calls.push(['remember', from]);
		},
		async openLinked(path, slug, from) {
			calls.push(['openLinked', path, slug, from]);
			return {message: `opened ${path}`};
		},
		history(direction, from) {
			calls.push(['history', direction, from]);
			return answers.history;
		},
		async openUrl(url) {
			calls.push(['openUrl', url]);
			return `opened ${url} with test-browser`;
		},
		async edit(line) {
			calls.push(['edit', line]);
			return 'edited with test-editor';
		},
	};
	return {navigator, calls};
}

test.serial('o lists the links in document order, the first selected; Esc closes', async t => {
	const reader = renderReader(t, linked, {columns: 100, rows: 24});
	await reader.press('o');
	const frame = reader.frame();
	t.regex(frame, /Links \(4\)/);
	const order = ['a jump to section 3 → #section-3', 'another article → ../other/page.md#part-two', 'the web → https://example.com', 'a script → javascript:alert(1)'].map(text => frame.indexOf(text));
	t.true(order.every((index, position) => index > 0 && (position === 0 || index > order[position - 1])), frame);
	t.regex(frame, /❯ a jump to section 3/);
	t.regex(status(reader.lines()), /Enter follow · Esc close/);
	await reader.press('wheelDown@60,5', 'wheelDown@60,5');
	t.regex(reader.frame(), /❯ the web/, 'the wheel moves the selection in the list');
	await reader.press('wheelUp@60,5');
	t.regex(reader.frame(), /❯ another article/);
	await reader.press('escape');
	t.notRegex(reader.frame(), /Links \(4\)/);
});

test.serial('in the link list j and k move, typing filters, Enter follows an anchor, closes the list and joins the history', async t => {
	const {navigator, calls} = recordingNavigator();
	const reader = renderReader(t, linked, {columns: 100, rows: 24, navigator});
	await reader.press('o', 'j');
	t.regex(reader.frame(), /❯ another article/);
	await reader.press('k', 'u', 'm', 'p');
	t.regex(reader.frame(), /Links matching “ump” \(1\)/, 'j and k move, so they are not typed');
	await reader.press('enter');
	t.notRegex(reader.frame(), /Links/);
	t.regex(top(reader.lines()), /## Section 3$/);
	t.is(calls.length, 1);
	t.is(calls[0][0], 'remember');
	t.is((calls[0][1] as ReadingPosition).slug, undefined, 'the place left: the top, before the first heading');
});

test.serial('a link to another article asks the App to open it at the anchor; what goes wrong is shown', async t => {
	const {navigator, calls} = recordingNavigator();
	const reader = renderReader(t, linked, {columns: 100, rows: 24, navigator});
	await reader.press('o', 'j', 'enter');
	t.is(calls[0][0], 'openLinked');
	t.is(calls[0][1], '../other/page.md');
	t.is(calls[0][2], 'part-two');
	t.regex(status(reader.lines()), /opened \.\.\/other\/page\.md/);
});

test.serial('a web link is handed to the browser and the status line says so', async t => {
	const {navigator, calls} = recordingNavigator();
	const reader = renderReader(t, linked, {columns: 100, rows: 24, navigator});
	await reader.press('o', 'w', 'e', 'b', 'enter');
	t.deepEqual(calls, [['openUrl', 'https://example.com']]);
	t.regex(status(reader.lines()), /opened https:\/\/example\.com with test-browser/);
});

test.serial('a link of another scheme is shown, never opened', async t => {
	const {navigator, calls} = recordingNavigator();
	const reader = renderReader(t, linked, {columns: 100, rows: 24, navigator});
	await reader.press('o', 'end', 'enter');
	t.regex(status(reader.lines()), /not opened \(only http, https and mailto links open\): javascript:alert\(1\)/);
	t.deepEqual(calls, []);
});

test.serial('3] jumps three sections, 2 Space turns two pages, 5j scrolls five lines', async t => {
	const reader = renderReader(t, articleFrom(sectionedArticle()), {columns: 100, rows: 24});
	await reader.press('3', ']');
	t.regex(top(reader.lines()), /## Section 2$/, 'Section 1, Detail 1, Section 2');
	await reader.press('g', '2', 'space');
	const twice = top(reader.lines());
	await reader.press('g', 'space', 'space');
	t.is(top(reader.lines()), twice);
	await reader.press('g', '5', 'j');
	const five = top(reader.lines());
	await reader.press('g', 'j', 'j', 'j', 'j', 'j');
	t.is(top(reader.lines()), five);
	await reader.press('g', '4', 'j');
	t.not(top(reader.lines()), five, 'the count is used up by the key it repeats');
});

test.serial('N% goes N percent through the article; \'\' comes back', async t => {
	const reader = renderReader(t, articleFrom(sectionedArticle()), {columns: 100, rows: 24});
	const percent = () => Number(/(\d+)%/.exec(status(reader.lines()))?.[1]);
	await reader.press('5', '0', '%');
	const half = status(reader.lines());
	t.true(percent() >= 50 && percent() <= 60, half);
	await reader.press('1', '0', '0', '%');
	t.is(percent(), 100);
	await reader.press('\'', '\'');
	t.is(status(reader.lines()), half);
	await reader.press('%');
	t.regex(status(reader.lines()), /type a number first/);
});

test.serial('m + letter marks the place, \' + letter comes back to it, and the TOC shows the mark', async t => {
	const {store} = temporaryStore(t);
	const article = articleFrom(sectionedArticle());
	const reader = renderReader(t, article, {columns: 100, rows: 24, store});
	await reader.press(']', ']', ']', 'j', 'm', 'a');
	const marked = top(reader.lines());
	t.regex(status(reader.lines()), /mark a set/);
	t.regex(reader.frame(), /Section 2 'a/);
	await reader.press('G', '\'', 'a');
	t.is(top(reader.lines()), marked);
	await reader.press('\'', 'b');
	t.regex(status(reader.lines()), /no mark b \(mb sets it\)/);
	reader.unmount();
	t.deepEqual(Object.keys(store.get(article.id)?.marks ?? {}), ['a']);
	t.is(store.get(article.id)?.marks?.a.slug, 'section-2');
});

test.serial('marks come back in a new session, at the same place after a width change', async t => {
	const {store} = temporaryStore(t);
	const article = articleFrom(sectionedArticle());
	const first = renderReader(t, article, {columns: 100, rows: 24, store});
	await first.press('3', ']', 'm', 'x', 'g');
	first.unmount();
	const second = renderReader(t, article, {columns: 80, rows: 24, store});
	await second.press('\'', 'x');
	t.regex(top(second.lines()), /## Section 2$/);
});

test.serial('the mouse wheel scrolls the body under the pointer and a click in the TOC jumps', async t => {
	const reader = renderReader(t, articleFrom(sectionedArticle()), {columns: 100, rows: 24});
	await reader.drawn();
	const start = top(reader.lines());
	await reader.press('wheelDown@60,5');
	const scrolled = top(reader.lines());
	t.not(scrolled, start);
	await reader.press('g', 'j', 'j', 'j');
	t.is(top(reader.lines()), scrolled, 'one notch is three lines');
	await reader.press('wheelUp@60,5');
	t.is(top(reader.lines()), start);
	await reader.press('wheelDown@3,5');
	t.regex(top(reader.lines()), /## Section 1$/, 'over the contents the wheel moves by a section');
	const row = reader.lines().findIndex(line => / Section 3\s*│/.test(line));
	t.true(row > 0, 'Section 3 is listed below the pane\'s title');
	await reader.press(`press@3,${row}`);
	t.regex(top(reader.lines()), /## Section 3$/, 'a click on an entry jumps to that entry');
	await reader.press('g', 'press@3,0');
	t.regex(top(reader.lines()), /^ *\S/, 'a click on the pane\'s title does nothing');
	t.notRegex(top(reader.lines()), /## Section/);
});

test.serial('e asks for the editor at the first line of the section being read; not for stdin', async t => {
	const {navigator, calls} = recordingNavigator();
	const article = articleFrom(sectionedArticle());
	const reader = renderReader(t, article, {columns: 100, rows: 24, navigator});
	await reader.press(']', ']', ']', 'j', 'e');
	const section = article.outline.sections.find(candidate => candidate.slug === 'section-2')!;
	t.deepEqual(calls, [['edit', section.sourceLine + 1]]);
	t.regex(status(reader.lines()), /edited with test-editor/);
	await reader.press('v');
	t.is(calls.length, 2);

	const stdin = {...article, origin: {kind: 'stdin', id: '-'} as const};
	const piped = renderReader(t, stdin, {columns: 100, rows: 24, navigator});
	await piped.press('e');
	t.regex(status(piped.lines()), /an article read from stdin cannot be edited/);
	t.is(calls.length, 2);
});

test.serial('H and L ask the App for the place and show it when it is in this article', async t => {
	const place: ReadingPosition = {slug: 'section-4', fraction: 0, percent: 40};
	const {navigator, calls} = recordingNavigator({history: place});
	const reader = renderReader(t, articleFrom(sectionedArticle()), {columns: 100, rows: 24, navigator});
	await reader.press('H');
	t.is(calls[0][0], 'history');
	t.is(calls[0][1], 'back');
	t.regex(top(reader.lines()), /## Section 4$/);
	await reader.press('L');
	t.is(calls[1][1], 'forward');

	const {navigator: empty} = recordingNavigator();
	const other = renderReader(t, articleFrom(sectionedArticle()), {columns: 100, rows: 24, navigator: empty});
	await other.press('H');
	t.regex(status(other.lines()), /nothing to go back to/);
});

test.serial('a changed file is shown at the same place; a deleted one keeps its text and says so', async t => {
	let onChange: ((change: 'changed' | 'deleted') => void) | undefined;
	let source = sectionedArticle();
	const article = articleFrom(source);
	const files: ArticleFiles = {
		watch(_article, listener) {
			onChange = listener;
			return () => {
				onChange = undefined;
			};
		},
		reload: (): Article => articleFrom(source),
	};
	const reader = renderReader(t, article, {columns: 100, rows: 24, files});
	await reader.press('5', ']', 'j');
	const before = top(reader.lines());
	source = source.replace('## Section 1\n', '## Section 1\n\nA new paragraph written above.\n\nAnd another.\n');
	onChange?.('changed');
	await reader.press();
	t.is(top(reader.lines()), before, 'the same content place, though lines were added above it');
	await reader.press('g');
	t.true(reader.frame().includes('A new paragraph written above.'), reader.frame());
	onChange?.('deleted');
	await reader.press();
	t.regex(status(reader.lines()), /test\/article\.md was deleted; showing its last text/);
});

test.serial('with hyperlinks on, web links in the reader are OSC 8 hyperlinks and the URL is not repeated; a control in a URL never reaches the frame', async t => {
	const hostile = articleFrom(['---', 'title: Links', '---', '', 'See [the web](https://example.com/page) and [a trap](https://example.com/\u009Dx).', ''].join('\n'));
	const linkedReader = renderReader(t, hostile, {columns: 100, rows: 12, style: 'ansi', hyperlinks: true});
	const frame = await linkedReader.drawn();
	t.true(frame.includes('\u001B]8;;https://example.com/page\u0007'), JSON.stringify(frame));
	t.false(frame.includes('(https://example.com/page)'));
	t.false(frame.includes('\u009D'));
	const plainReader = renderReader(t, hostile, {columns: 100, rows: 12, style: 'ansi', hyperlinks: false});
	t.false((await plainReader.drawn()).includes('\u001B]8;'));
});
