import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {RenderedArticle, type RenderStyle} from '../../source/core/markdown/render.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {generateMarkdown} from '../helpers/generate.js';
import {generateRealisticMarkdown} from '../helpers/realistic-markdown.js';

test.before(async () => {
	await loadTextWidth();
});

const origin = {kind: 'stdin', id: '-'} as const;

/**
 * The reference: every section rendered by a renderer of its own, that has rendered nothing
 * before it, joined the way the reader joins blocks. Whatever the incremental renderer shares
 * between sections for speed (the document's link definitions) must not change a byte.
 */
function sectionBySection(source: string, width: number, style: RenderStyle): string[] {
	const article = parseArticle(source, origin);
	const lines: string[] = [];
	for (let section = -1; section < article.outline.sections.length; section++) {
		const rendered = new RenderedArticle(article, {width, style}).renderSections(section, section + 1);
		if (rendered.length > 0 && lines.length > 0) {
			lines.push('');
		}

		lines.push(...rendered);
	}

	return lines;
}

function wholeDocument(source: string, width: number, style: RenderStyle): string[] {
	return new RenderedArticle(parseArticle(source, origin), {width, style}).renderAll().lines;
}

const bundled = (folder: string): string[] => readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
	const file = path.join(folder, entry.name);
	return entry.isDirectory() ? bundled(file) : entry.name.endsWith('.md') ? [file] : [];
});

// The bench's inputs, smaller (the generators are the same), and the bundled library.
const inputs: Array<[string, () => string]> = [
	['realistic release notes', () => generateRealisticMarkdown(150_000, 3)],
	['synthetic ASCII reference', () => generateMarkdown(100_000, 3)],
	...['highlight.js/CHANGES.md', 'es-toolkit/CHANGELOG.md', '@eslint/eslintrc/node_modules/ajv/README.md', 'ink/readme.md']
		.map(name => path.join('node_modules', name))
		.filter(file => existsSync(file))
		.map(file => [file, () => readFileSync(file, 'utf8')] as [string, () => string]),
	...bundled('articles').map(file => [file, () => readFileSync(file, 'utf8')] as [string, () => string]),
];

for (const [name, source] of inputs) {
	test(`${name} renders the same whole as section by section, plain and ansi`, t => {
		const text = source();
		for (const style of ['plain', 'ansi'] as const) {
			const whole = wholeDocument(text, 80, style);
			const reference = sectionBySection(text, 80, style);
			const first = whole.findIndex((line, index) => line !== reference[index]);
			t.is(first === -1 && whole.length === reference.length ? -1 : first, -1, `${style}: first difference at line ${first}: ${JSON.stringify(whole[first])} / ${JSON.stringify(reference[first])}`);
		}
	});
}

test('a reference in one section resolves a definition made in any other, before or after it', t => {
	const lines = wholeDocument([
		'# First', '', 'See [the end][late] and [the start][early].', '',
		'[early]: https://example.com/early', '',
		'# Middle', '', 'Both again: [late] and [early].', '',
		'# Last', '', 'Back to [the start][early].', '',
		'[late]: https://example.com/late',
	].join('\n'), 120, 'plain');
	t.deepEqual(lines.filter(line => line.includes('example.com')), [
		'See the end (https://example.com/late) and the start (https://example.com/early).',
		'Both again: late (https://example.com/late) and early (https://example.com/early).',
		'Back to the start (https://example.com/early).',
	]);
});
