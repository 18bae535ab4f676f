import test, {type ExecutionContext} from 'ava';
import {runFolio, writeLibrary, type RunResult} from '../helpers/cli.js';

const esc = '\u001B';
const bel = '\u0007';
const osc = `${esc}]0;pwned${bel}`;
const osc8 = `${esc}]8;;http://evil.example${esc}\\click${esc}]8;;${esc}\\`;
const dcs = `${esc}P1$qm${esc}\\`;
const c1 = '\u009B5m\u009D0;pwned\u009C\u0085';
// Folio's own styling never blinks or uses colour 196, so these in the output came from the file.
const sgrFromFile = `${esc}[5m${esc}[38;5;196m`;
const entities = '&#27;[5m &#x1b;]0;pwned&#7; &#155;5m &#x9B;5m &#7; &#x7f; &#X1B;[38;5;196m';
const raw = `${sgrFromFile} ${osc} ${osc8} ${dcs} BEL${bel} back\bspace ${c1} del\u007F`;

/** Terminal controls, raw and as HTML entities, everywhere an article can hold text. */
const hostileArticle = `---
title: "Title\\twith tab ${osc} \\e]0;yaml-title\\a \\x9b5m \\e[5m ${entities}"
summary: "Summary \\e[2J \\u009b5m ${raw}"
tags: ["tag\\e[5m", "${osc}", "&#27;[5m", "\\a"]
category: "Category\\nwith newline \\e]8;;http://evil\\e\\\\"
date: 2026-01-01
---

# Heading ${raw} ${entities}

Text ${raw} and ${entities}.

## Links ${osc}

A [link ${raw}](http://example.com/${osc}) and [entity](http://example.com/&#27;]0;pwned&#7; "title ${esc}[5m &#27;[5m") and <http://example.com/${esc}[5m> and [reference][r] and ![image ${raw}](http://example.com/${esc}[5m.png).

[r]: http://example.com/&#x1b;[5m "title &#27;[5m ${osc}"

## Code ${entities}

Inline \`${raw} ${entities}\` span.

\`\`\`sh
echo "${osc}" ${esc}[2J ${c1} ${entities} ${sgrFromFile}
\`\`\`

\`\`\`
${raw} ${entities}
\`\`\`

    indented ${raw}

## Table ${entities}

| Head ${raw} | ${entities} |
|---|---|
| ${raw} | ${entities} |

<span>${entities} ${raw}</span>

<div>
${entities} ${raw}
</div>

- item ${raw} ${entities}
  - nested ${raw}

> quote ${raw} ${entities}

${'word '.repeat(30)}${raw} ${'word '.repeat(30)}${entities}
`;

// eslint-disable-next-line no-control-regex
const sgr = /\u001B\[[\d;]*m/g;
// C0 controls but newline, DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const controlExceptNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const controlExceptNewlineAndTab = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

function describe(text: string, pattern: RegExp): string {
	const index = text.search(pattern);
	return index === -1 ? '' : JSON.stringify(text.slice(Math.max(0, index - 30), index + 30));
}

/** Plain text: no escape sequence and no control character but newline. */
function assertPlain(t: ExecutionContext, text: string, label: string): void {
	t.false(controlExceptNewline.test(text), `${label}: ${describe(text, controlExceptNewline)}`);
}

/** Styled text: every ESC starts an SGR sequence, none of them the file's own, and nothing else. */
function assertStyled(t: ExecutionContext, text: string, label: string): void {
	t.regex(text, sgr, label);
	t.false(text.includes(`${esc}[5m`) || text.includes(`${esc}[38;5;196m`), `${label}: an SGR sequence from the file got through`);
	assertPlain(t, text.replace(sgr, ''), label);
}

/** JSON: it parses, and no string in it holds a control character but newline and tab. */
function assertJson(t: ExecutionContext, text: string, label: string): void {
	assertPlain(t, text, label);
	const strings: string[] = [];
	const walk = (value: unknown): void => {
		if (typeof value === 'string') {
			strings.push(value);
		} else if (Array.isArray(value)) {
			value.forEach(walk);
		} else if (value !== null && typeof value === 'object') {
			for (const [key, item] of Object.entries(value)) {
				strings.push(key);
				walk(item);
			}
		}
	};

	walk(JSON.parse(text));
	t.true(strings.length > 0);
	for (const value of strings) {
		t.false(controlExceptNewlineAndTab.test(value), `${label}: ${describe(value, controlExceptNewlineAndTab)}`);
	}
}

function assertRan(t: ExecutionContext, result: RunResult, label: string): void {
	t.is(result.status, 0, `${label}: ${result.stderr}`);
	t.false(result.stderr.includes('unexpected error'), `${label}: ${result.stderr}`);
	assertPlain(t, result.stderr, `${label} (stderr)`);
}

function hostileLibrary(t: ExecutionContext): string {
	return writeLibrary(t, {
		'hostile.md': hostileArticle,
		[`name ${osc} ${esc}[5m\u009B5m.md`]: '# Named\n',
		[`folder${esc}]0;x${bel}/inside.md`]: '---\ntitle: [broken\n---\n# Inside\n',
	});
}

test('cat --format ansi --color keeps only folio\'s own SGR styling', async t => {
	const library = hostileLibrary(t);
	for (const width of ['80', '20']) {
		const result = await runFolio(t, ['--dir', library, 'cat', 'hostile', '--format', 'ansi', '--color', '--width', width]);
		assertRan(t, result, `ansi ${width}`);
		assertStyled(t, result.stdout, `ansi ${width}`);
	}
});

test('cat --format plain prints no escape sequence or control character', async t => {
	const library = hostileLibrary(t);
	for (const width of ['80', '20']) {
		const result = await runFolio(t, ['--dir', library, 'cat', 'hostile', '--format', 'plain', '--width', width]);
		assertRan(t, result, `plain ${width}`);
		assertPlain(t, result.stdout, `plain ${width}`);
		t.true(result.stdout.includes('# Heading'));
	}
});

test('cat --format markdown prints no escape sequence or control character', async t => {
	const library = hostileLibrary(t);
	const result = await runFolio(t, ['--dir', library, 'cat', 'hostile', '--format', 'markdown']);
	assertRan(t, result, 'markdown');
	assertPlain(t, result.stdout, 'markdown');
	t.true(result.stdout.includes('## Table'));
});

test('cat --format json holds no control character in any string', async t => {
	const library = hostileLibrary(t);
	const result = await runFolio(t, ['--dir', library, 'cat', 'hostile', '--format', 'json']);
	assertRan(t, result, 'json');
	assertJson(t, result.stdout, 'json');
	const article = JSON.parse(result.stdout) as {title: string; tags: string[]; sections: unknown[]};
	t.true(article.title.startsWith('Title'));
	t.is(article.sections.length, 4);
});

test('a hostile article read from stdin is made just as safe', async t => {
	const [plain, ansi] = await Promise.all([
		runFolio(t, ['cat', '-'], {input: hostileArticle}),
		runFolio(t, ['cat', '-', '--color'], {input: hostileArticle}),
	]);
	assertRan(t, plain, 'stdin plain');
	assertPlain(t, plain.stdout, 'stdin plain');
	assertRan(t, ansi, 'stdin ansi');
	assertStyled(t, ansi.stdout, 'stdin ansi');
});

test('toc and toc --json print no control character', async t => {
	const library = hostileLibrary(t);
	const [text, json] = await Promise.all([
		runFolio(t, ['--dir', library, 'toc', 'hostile']),
		runFolio(t, ['--dir', library, 'toc', 'hostile', '--json', '--width', '20']),
	]);
	assertRan(t, text, 'toc');
	assertPlain(t, text.stdout, 'toc');
	t.is(text.stdout.split('\n').length, 5);
	assertRan(t, json, 'toc --json');
	assertJson(t, json.stdout, 'toc --json');
});

test('list and list --json print no control character from titles, tags or file names', async t => {
	const library = hostileLibrary(t);
	const [text, json] = await Promise.all([
		runFolio(t, ['--dir', library, 'list']),
		runFolio(t, ['--dir', library, 'list', '--json']),
	]);
	t.deepEqual([text.status, json.status], [0, 0]);
	assertPlain(t, text.stdout.replaceAll('\t', ' '), 'list');
	const lines = text.stdout.split('\n');
	t.is(lines.length, 4);
	t.deepEqual(lines.slice(0, 3).map(line => line.split('\t').length), [5, 5, 5]);
	assertJson(t, json.stdout, 'list --json');
});

test('list warnings print no control character from file names', async t => {
	const library = hostileLibrary(t);
	const result = await runFolio(t, ['--dir', library, 'list']);
	t.is(result.status, 0);
	t.regex(result.stderr, /^folio: warning: [^\n]+\n$/);
	assertPlain(t, result.stderr, 'list (stderr)');
});

const badArguments: Array<[string, (osc: string) => string[]]> = [
	['an unknown id, with file names among the closest ids', () => ['cat', 'nam']],
	['an unknown id given with controls', osc => ['cat', `missing${osc}`]],
	['an unknown section given with controls', osc => ['cat', 'hostile', '--section', `missing${osc}`]],
	['an unknown flag given with controls', () => ['cat', 'hostile', `--bogus${esc}[5m`]],
];

for (const [name, args] of badArguments) {
	test(`the error for ${name} prints no control character`, async t => {
		const result = await runFolio(t, ['--dir', hostileLibrary(t), ...args(osc)]);
		t.true(result.status === 1 || result.status === 2, result.stderr);
		t.is(result.stdout, '');
		t.regex(result.stderr, /^folio: [^\n]+\n$/);
		assertPlain(t, result.stderr, name);
	});
}
