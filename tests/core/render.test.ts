import test from 'ava';
import stringWidth from 'string-width';
import {parseArticle} from '../../source/core/article/article.js';
import {RenderedArticle, renderArticle} from '../../source/core/markdown/render.js';
import {stripStyling} from '../../source/core/text/sanitize.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';

test.before(async () => {
	await loadTextWidth();
});

const origin = {kind: 'stdin', id: '-'} as const;
const article = (source: string) => parseArticle(source, origin);
const plain = (source: string, width = 80) => renderArticle(article(source), {width, style: 'plain'}).lines;
// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

const international = [
	'# 国际化 International 🎉',
	'',
	'中文段落，没有空格的长句子需要在任何宽度下正确换行，日本語の文章も同じです。한국어 문장도 마찬가지입니다。',
	'',
	'Family 👨‍👩‍👧 waves 👋🏽 and flags 🇯🇵 with combining é and e\u0301 marks.',
	'',
	'| 名前 | Emoji | Note |',
	'|:--|:-:|--:|',
	'| 中文 | 👍 | a rather long cell that will have to wrap inside the table at narrow widths |',
	'| 日本語 | 👨‍👩‍👧 | 한국어 |',
	'',
	'- level one with a long line that needs wrapping at narrow widths for sure',
	'  - level two 二级 also long enough to wrap when the terminal is narrow',
	'    - level three',
	'',
	'```ts',
	'const veryLongIdentifierName = computeSomethingWithAVeryLongFunctionName(argumentOne, argumentTwo);',
	'\tindented();',
	'```',
	'',
	'A https://example.com/a/very/long/url/that/cannot/be/broken/at/spaces/because/it/has/none end.',
].join('\n');

for (const width of [20, 40, 80, 120]) {
	test(`no line is wider than ${width} columns, with CJK, emoji, tables and code`, t => {
		for (const style of ['plain', 'ansi'] as const) {
			const lines = renderArticle(article(international), {width, style}).lines;
			for (const line of lines) {
				t.true(stringWidth(stripStyling(line)) <= width, `${style} line too wide at ${width}: ${JSON.stringify(line)}`);
			}
		}
	});
}

test('plain output contains no escape sequence or control character at all', t => {
	for (const line of plain(international, 40)) {
		t.false(anyControl.test(line), JSON.stringify(line));
	}
});

test('ansi output styles with SGR sequences only', t => {
	const lines = renderArticle(article(international), {width: 60, style: 'ansi'}).lines;
	t.true(lines.some(line => line.includes('\u001B[')));
	for (const line of lines) {
		// eslint-disable-next-line no-control-regex
		t.false(anyControl.test(line.replace(/\u001B\[[\d;]*m/g, '')), JSON.stringify(line));
	}
});

test('tabs are expanded to spaces', t => {
	const lines = plain('```\n\tone\n  \ttwo\n```\n');
	t.deepEqual(lines, ['        one', '        two']);
});

test('HTML comments are never shown, block or inline', t => {
	const text = plain('<!-- secret block -->\n\nvisible <!-- secret inline --> text\n\n<!--\nmulti\nline secret\n-->\n').join('\n');
	t.false(text.includes('secret'));
	t.regex(text, /visible\s+text/);
});

test('escape sequences and entities from the article never reach the output', t => {
	const hostile = '# Title \u001B]0;pwned\u0007 &#27;]0;x&#7;\n\nText \u001B[31mred\u001B[0m &#x1b;[2J and \u009B31m C1 [link](http://x/\u001B]8;;evil\u0007) `code \u001B[1m`\n\n| a \u001B[5m | b |\n|---|---|\n| &#27;[31m | \u0008\u0008 |\n';
	for (const style of ['plain', 'ansi'] as const) {
		const lines = renderArticle(article(hostile), {width: 60, style}).lines;
		for (const line of lines) {
			// Only SGR from the renderer itself: no OSC, no CSI other than SGR, no BEL or C1.
			// eslint-disable-next-line no-control-regex
			const withoutStyling = style === 'ansi' ? line.replace(/\u001B\[[\d;]*m/g, '') : line;
			t.false(anyControl.test(withoutStyling), `${style}: ${JSON.stringify(line)}`);
			t.false(line.includes('\u001B[31m'), 'SGR from the article must not survive');
			t.false(line.includes('\u001B[2J'));
		}
	}
});

test('each section starts on the line recorded for it', t => {
	const source = '# One\n\ntext\n\n## Two\n\n- a\n- b\n\n## Two\n\n```js\nx\n```\n\n### Three\n';
	const rendered = renderArticle(article(source), {width: 40, style: 'plain'});
	const headings = rendered.sectionStarts.map(start => rendered.lines[start]);
	t.deepEqual(headings, ['# One', '## Two', '## Two', '### Three']);
});

test('rendering section by section gives the same lines as rendering all at once', t => {
	const source = international + '\n\n## More\n\ntext\n\n## End\n';
	const whole = renderArticle(article(source), {width: 50, style: 'plain'}).lines;
	const incremental = new RenderedArticle(article(source), {width: 50, style: 'plain'});
	incremental.renderUntilLines(3);
	t.true(incremental.lines.length >= 3);
	t.false(incremental.complete);
	incremental.renderAll();
	t.deepEqual(incremental.lines, whole);
});

test('the first screen of a long article is available before the rest is rendered', t => {
	const source = Array.from({length: 400}, (_, index) => `## Section ${index}\n\n${'word '.repeat(60)}\n`).join('\n');
	const rendered = new RenderedArticle(article(source), {width: 80, style: 'plain'});
	rendered.renderUntilLines(30);
	t.true(rendered.renderedBlocks < 20, `rendered ${rendered.renderedBlocks} blocks for one screen`);
});

test('soft line breaks join a paragraph and it wraps at the width', t => {
	t.deepEqual(plain('one two\nthree four five six seven eight nine ten eleven twelve\n', 20), ['one two three four', 'five six seven eight', 'nine ten eleven', 'twelve']);
});

test('list items wrap with a hanging indent', t => {
	const lines = plain('- alpha beta gamma delta epsilon zeta eta theta\n', 24);
	t.true(lines.length > 1);
	const indent = lines[0].indexOf('alpha');
	for (const line of lines.slice(1)) {
		t.is(line.length - line.trimStart().length, indent);
	}
});

test('tables too wide for the width wrap their cells and keep their borders', t => {
	const lines = plain('| a | b |\n|---|---|\n| one two three four five six | seven eight nine ten |\n', 24);
	t.true(lines.every(line => stringWidth(line) <= 24));
	t.true(lines[0].startsWith('┌') && lines.at(-1)!.startsWith('└'));
	t.true(lines.filter(line => line.startsWith('│')).length > 2);
});

test('links show their target; anchors show only their text', t => {
	t.deepEqual(plain('[site](https://example.com) and [here](#usage)\n'), ['site (https://example.com) and here']);
});

test('one-column text renders without loading the wide-text measures', async t => {
	const {isSimpleText} = await import('../../source/core/text/text-width.js');
	t.true(isSimpleText('Plain — “quoted” text, café, → arrows, │ boxes'));
	t.false(isSimpleText('中文'));
	t.false(isSimpleText('👍'));
	t.false(isSimpleText('e\u0301'));
});

test('escape sequences are removed whole, leaving no payload behind', t => {
	const source = '# Title \u001B]2;PWNED\u0007 here\n\nBody \u001B]0;PWNED\u001B\\ text \u009D0;PWNED\u009C and \u001B[31mred\u001B[0m.\n\nAn unterminated \u001B]0;oops\n\nkeeps the next paragraph.\n';
	const parsed = article(source);
	t.is(parsed.outline.sections[0].title, 'Title here');
	const text = renderArticle(parsed, {width: 80, style: 'plain'}).lines.join('\n');
	t.false(text.includes('PWNED'));
	t.regex(text, /Body\s+text\s+and red\./);
	t.regex(text, /keeps the next paragraph\./);
});

/**
 * The SGR styling open just before a line's first visible character (`start`) and after its
 * last one, counting the sequences that follow it except a closing reset (`end`), as text such
 * as `1 fg=34`.
 */
function stylingAtEdges(line: string): {start: string; end: string} {
	// eslint-disable-next-line no-control-regex
	const tokens = [...line.matchAll(/\u001B\[([\d;]*)m|[^\u001B]+/g)].map(match => ({text: match[1] === undefined, parameters: match[1] ?? ''}));
	const lastText = tokens.findLastIndex(token => token.text);
	const state = new Map<string, string>();
	let start: string | undefined;
	for (const [index, token] of tokens.entries()) {
		if (token.text) {
			start ??= [...state].map(([group, code]) => (group === code ? code : `${group}=${code}`)).sort().join(' ');
		} else if (!(index > lastText && /^0?$/.test(token.parameters))) {
			applySgr(state, token.parameters);
		}
	}

	return {start: start ?? '', end: [...state].map(([group, code]) => (group === code ? code : `${group}=${code}`)).sort().join(' ')};
}

function applySgr(state: Map<string, string>, parameters: string): void {
	const codes = parameters === '' ? ['0'] : parameters.split(';');
	for (let index = 0; index < codes.length; index++) {
		const code = Number(codes[index]);
		if (code === 38 || code === 48) {
			const length = codes[index + 1] === '5' ? 2 : 4;
			state.set(code === 38 ? 'fg' : 'bg', codes.slice(index, index + 1 + length).join(';'));
			index += length;
		} else if (code === 0) {
			state.clear();
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
			state.set('fg', String(code));
		} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
			state.set('bg', String(code));
		} else if (code === 39 || code === 49) {
			state.delete(code === 39 ? 'fg' : 'bg');
		} else if (code === 22) {
			state.delete('1');
			state.delete('2');
		} else if (code >= 23 && code <= 29) {
			state.delete(String(code - 20));
		} else {
			state.set(String(code), String(code));
		}
	}
}

test('a wrapped line reopens only the styling still open where it broke', t => {
	const source = `${'[link](https://example.com/a) and `code` '.repeat(12)} **bold words running on and on across the wrap, longer than a line** and *italic words that wrap as well, longer than a line* end\n`;
	const lines = renderArticle(article(source), {width: 40, style: 'ansi'}).lines;
	t.true(lines.length > 4);
	for (const line of lines) {
		// eslint-disable-next-line no-control-regex
		t.true((line.match(/\u001B\[/g) ?? []).length < 40, `styling piles up: ${JSON.stringify(line)}`);
	}

	const breaks = lines.slice(1).map((line, index) => ({open: stylingAtEdges(lines[index]).end, reopened: stylingAtEdges(line).start, line}));
	t.true(breaks.some(({open}) => /\b1\b/.test(open)), 'the source breaks a line inside bold text');
	for (const {open, reopened, line} of breaks) {
		if (open !== '') {
			t.is(reopened, open, `the line after a break reopens exactly what was open: ${JSON.stringify(line)}`);
		}
	}

	// A line may start with styling of its own (a link at its start), so the test of what a line
	// reopens is that every character, each line read on its own, is styled as it is unwrapped.
	const unwrapped = renderArticle(article(source), {width: 2000, style: 'ansi'}).lines;
	t.is(unwrapped.length, 1);
	t.deepEqual(styledCharacters(lines), styledCharacters(unwrapped));
});

/** Each visible character with the SGR styling in force at it, every line read from a reset terminal. */
function styledCharacters(lines: string[]): string[] {
	const characters: string[] = [];
	for (const line of lines) {
		const state = new Map<string, string>();
		// eslint-disable-next-line no-control-regex
		for (const match of line.matchAll(/\u001B\[([\d;]*)m|[^\u001B]/g)) {
			if (match[1] !== undefined) {
				applySgr(state, match[1]);
			} else if (match[0] !== ' ') {
				characters.push(`${match[0]} ${[...state].map(([group, code]) => `${group}=${code}`).sort().join(' ')}`);
			}
		}
	}

	return characters;
}

test('nesting deeper than a terminal can show is flattened, quickly, within the width', t => {
	const quotes = Array.from({length: 200}, (_, depth) => `${'>'.repeat(depth + 1)} quote${depth}`).join('\n');
	const lists = Array.from({length: 200}, (_, depth) => `${'  '.repeat(depth)}- item${depth}`).join('\n');
	const start = performance.now();
	for (const source of [quotes, lists]) {
		const lines = renderArticle(article(source + '\n'), {width: 40, style: 'ansi'}).lines;
		t.true(lines.every(line => stringWidth(stripStyling(line)) <= 40));
		t.regex(lines.map(line => stripStyling(line)).join('\n'), /(quote|item)199/);
	}

	t.true(performance.now() - start < 10_000);
});

test('tables and rules inside quotes and list items are drawn narrower, so they still fit', t => {
	const source = '> | key | what it does in the reader |\n> |---|---|\n> | j | down one line and more text |\n\n> ---\n\n- item\n\n  | a | b |\n  |---|---|\n  | one two three | four five six seven |\n';
	const lines = plain(source, 40);
	t.true(lines.every(line => stringWidth(line) <= 40));
	const borders = lines.filter(line => /[┌└]/.test(line));
	t.true(borders.length >= 4);
	t.true(borders.every(line => /[┐┘]$/.test(line)), 'every border is drawn whole on one line');
});

test('a numeric entity without its semicolon stays text, as CommonMark says', t => {
	t.regex(plain('hello &#x4e2d and &#x4e2d; &copy;\n').join('\n'), /hello &#x4e2d and 中 ©/);
});

test('a table of 150,000 rows and an outline of 100,000 headings do not overflow the stack', t => {
	const table = `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(150_000)}`;
	t.true(renderArticle(article(table), {width: 40, style: 'plain'}).lines.length > 150_000);
	const headings = '## h\n'.repeat(100_000);
	const parsed = article(headings);
	t.is(parsed.outline.sections.length, 100_000);
	t.is(parsed.outline.topDepth, 2);
});

test('quotes carry a bar on every line, wrapped lines included', t => {
	const lines = plain('> one two three four five six seven eight nine ten\n>\n> > nested words that wrap around here too\n', 24);
	t.true(lines.length > 4);
	t.true(lines.every(line => line.startsWith('│')), JSON.stringify(lines));
	t.true(lines.some(line => line.startsWith('│ │ ')));
});
