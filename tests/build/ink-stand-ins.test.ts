import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import test from 'ava';
import {build as esbuild, type BuildOptions} from 'esbuild';
import * as original from '@alcalzone/ansi-tokenize';
import stringWidthOriginal from 'string-width';
import widestLineOriginal from 'widest-line';
import * as cached from '../../source/build/ansi-tokenize-cached.js';
import stringWidth from '../../source/build/string-width-counted.js';
import widestLine from '../../source/build/widest-line-cached.js';
import {parseArticle} from '../../source/core/article/article.js';
import {RenderedArticle} from '../../source/core/markdown/render.js';
import {isCountableText, loadTextWidth} from '../../source/core/text/text-width.js';
import {darkTheme, lightTheme} from '../../source/core/theme/theme.js';
import {highlightCode} from '../../source/node/highlight.js';

/**
 * The bundle's stand-ins for Ink's frame composer and string-width (`source/build/`) must give
 * what the packages give, on the lines folio draws and on text it does not expect.
 */
const articlesFolder = path.join(import.meta.dirname, '../../articles');

function markdownFiles(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
		const file = path.join(folder, entry.name);
		return entry.isDirectory() ? markdownFiles(file) : (entry.name.endsWith('.md') ? [file] : []);
	});
}

const awkward = [
	'', ' ', 'plain ascii', 'tab\there', 'é e\u0301 combining', '中文 日本語 한국어', 'emoji 👍 👨‍👩‍👧 🇯🇵 ❤️ ☑️ 1\uFE0F\u20E3',
	'\u001B[1;31mbold red\u001B[39m still bold\u001B[22m', '\u001B[38;2;10;20;30mtrue colour\u001B[0m', '\u001B[38;5;200m\u001B[48;5;17mtwo\u001B[49m\u001B[39m',
	'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007 after', '\u001B]8;;broken link', 'a lone \u001B escape', '\u001B[unknown', '\u001B[2m\u001B[1mdim bold\u001B[22m',
	'≤ — ’ “quotes” ◦ ▪ ☐ ☑ ↪ │ ─ ┌', '\u001B[7m inverse \u001B[27m\u001B[4munder\u001B[24m', 'ｆｕｌｌ ｗｉｄｔｈ', '\u200B zero width \u200D join',
	'soft\u00ADhyphen', '\u001B]8;x\u0007a;b\u001B]8;;\u0007c', '\u001B]8;;a\u009Cb\u0007text', '\u001B]8;;a\u0018b\u0007text', '\u001B]8;;https://example.com\u001B\\link\u001B]8;;\u001B\\',
	'\u001B]8;id=1;https://example.com/é\u0007é link\u001B]8;;\u0007', 'line one\nline two ≤', '📅 2026-01-01 · 📁 Guides · 👁 3 views · ⏱️ 4 min read',
	'\u001B[90m📅 2026-11-27 · 📁 Reference\u001B[39m', '⏱️\u0301 mark', '👁\u200D🗨 joined', '📅📁👁⏱️💡📑🖼', 'x⏱️y 👁\uFE0F', '\u001B[1m💡\u001B[22m\u0301',
];

let lines: string[] = [];
test.before(async () => {
	await loadTextWidth();
	lines = [...awkward];
	for (const file of markdownFiles(articlesFolder)) {
		const article = parseArticle(readFileSync(file, 'utf8'), {kind: 'stdin', id: '-'});
		for (const [theme, hyperlinks] of [[darkTheme, true], [lightTheme, false]] as const) {
			lines.push(...new RenderedArticle(article, {width: 72, style: 'ansi', theme, hyperlinks, highlight: highlightCode}).renderAll().lines);
		}
	}
});

test('lines are tokenized and cut into styled characters as the package does, first time and remembered', t => {
	t.true(lines.length > 500);
	const wrong: string[] = [];
	for (const round of [1, 2]) {
		for (const line of lines) {
			if (JSON.stringify(cached.tokenize(line)) !== JSON.stringify(original.tokenize(line))) {
				wrong.push(`tokens, round ${round}: ${JSON.stringify(line)}`);
			}

			if (JSON.stringify(cached.styledCharsFromTokens(cached.tokenize(line))) !== JSON.stringify(original.styledCharsFromTokens(original.tokenize(line)))) {
				wrong.push(`styled characters, round ${round}: ${JSON.stringify(line)}`);
			}
		}
	}

	t.deepEqual(wrong.slice(0, 5), []);
});

test('every character that stands alone is tokenized as the package tokenizes it, alone and between others', t => {
	const wrong: string[] = [];
	let checked = 0;
	for (let codePoint = 0; codePoint <= 0x10_FFFF; codePoint++) {
		if (codePoint >= 0xD8_00 && codePoint <= 0xDF_FF) {
			continue;
		}

		const character = String.fromCodePoint(codePoint);
		if (!isCountableText(character)) {
			continue;
		}

		checked++;
		const line = `a${character}b`;
		if (JSON.stringify(cached.tokenize(character)) !== JSON.stringify(original.tokenize(character)) || JSON.stringify(cached.tokenize(line)) !== JSON.stringify(original.tokenize(line))) {
			wrong.push(`U+${codePoint.toString(16).toUpperCase()}`);
		}
	}

	t.true(checked > 1000, `${checked} countable characters`);
	t.deepEqual(wrong.slice(0, 10), []);
});

test('rows joined from pieces of several lines, with blank cells between, read as the package joins them', t => {
	let seed = 11;
	const next = (limit: number) => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed % limit;
	};

	const blank = () => ({type: 'char' as const, value: ' ', fullWidth: false, styles: []});
	for (let row = 0; row < 3000; row++) {
		const ours: cached.StyledChar[] = [];
		const theirs: original.StyledChar[] = [];
		for (let piece = 0; piece < 1 + next(3); piece++) {
			const line = lines[next(lines.length)];
			const from = next(20);
			const gap = next(3);
			ours.push(...cached.styledCharsFromTokens(cached.tokenize(line)).slice(from), ...Array.from({length: gap}, blank));
			theirs.push(...original.styledCharsFromTokens(original.tokenize(line)).slice(from), ...Array.from({length: gap}, blank));
		}

		t.is(cached.styledCharsToString(ours), original.styledCharsToString(theirs));
	}
});

test('lines and blocks of lines are as wide as widest-line measures them', t => {
	for (const text of [...lines, lines.slice(0, 40).join('\n'), awkward.join('\n')]) {
		t.is(widestLine(text), widestLineOriginal(text), JSON.stringify(text));
		t.is(widestLine(text), widestLineOriginal(text), 'remembered');
	}
});

test('text is as wide as string-width measures it, with and without its options', t => {
	const wrong: string[] = [];
	for (const text of [...lines, ...awkward.map(line => `${line}\n${line}`)]) {
		for (const options of [undefined, {ambiguousIsNarrow: false}, {countAnsiEscapeCodes: true}]) {
			if (stringWidth(text, options) !== stringWidthOriginal(text, options)) {
				wrong.push(`${JSON.stringify(options)}: ${JSON.stringify(text)}: ${stringWidth(text, options)}, string-width ${stringWidthOriginal(text, options)}`);
			}
		}
	}

	t.deepEqual(wrong.slice(0, 5), []);
});

/** What the bundle is made of: its input files, and its code unminified (built here with the build's own options). */
let built: Promise<{inputs: string[]; code: string}> | undefined;

async function bundle(): Promise<{inputs: string[]; code: string}> {
	built ??= build();
	return built;
}

async function build(): Promise<{inputs: string[]; code: string}> {
	const {options} = await import(pathToFileURL(path.join(import.meta.dirname, '../../.esbuild.mjs')).href) as {options: BuildOptions};
	const result = await esbuild({...options, write: false, metafile: true, minifyWhitespace: false, minifySyntax: false, logLevel: 'silent'});
	return {inputs: Object.keys(result.metafile.inputs), code: result.outputFiles.map(file => file.text).join('\n')};
}

test('the bundle holds the stand-ins, and packages with their own older string-width keep it', async t => {
	const {inputs} = await bundle();
	for (const standIn of ['ansi-tokenize-cached.ts', 'widest-line-cached.ts', 'string-width-counted.ts']) {
		t.true(inputs.includes(`source/build/${standIn}`), `${standIn} is bundled`);
	}

	// wrap-ansi wraps wide text with its own string-width 7; the stand-in is for 8 alone.
	t.true(inputs.some(input => /node_modules\/wrap-ansi\/node_modules\/string-width\/index\.js$/.test(input)));
	t.true(inputs.some(input => /(?:^|\/)node_modules\/string-width\/index\.js$/.test(input)), 'the stand-in wraps the real string-width 8');
});

test('the bundle makes no segmenter as it loads, and holds conf without semver (loaded when a migration runs)', async t => {
	const {inputs, code} = await bundle();
	t.true(inputs.includes('source/build/lazy-segmenter.ts'));
	// Every segmenter left is made inside a function, on first use.
	t.deepEqual(code.split('\n').filter(line => /^(?:var|let|const) \w+ = new Intl\.Segmenter\(/.test(line)), []);
	t.true(inputs.includes('source/build/semver-lazy.ts'));
	t.true(inputs.some(input => /node_modules\/conf\//.test(input)));
	t.deepEqual(inputs.filter(input => /node_modules\/semver\//.test(input)), []);
});
