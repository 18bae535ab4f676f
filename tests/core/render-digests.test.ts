import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {RenderedArticle, type RenderStyle} from '../../source/core/markdown/render.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {darkTheme} from '../../source/core/theme/theme.js';
import {highlightCode} from '../../source/node/highlight.js';
import {generateMarkdown} from '../helpers/generate.js';
import {generateRealisticMarkdown} from '../helpers/realistic-markdown.js';

/**
 * A change made for speed must not change a byte of what folio draws. The digests in
 * `tests/fixtures/render-digests.json` are of the output before such a change: every bundled
 * article and the bench's kinds of generated input, plain and ansi (colours, hyperlinks and
 * highlighting on), at two widths. A change meant to alter the output updates them on purpose:
 * `UPDATE_RENDER_DIGESTS=1 npx ava tests/core/render-digests.test.ts`, and says why in its commit.
 */
const fixture = path.join(import.meta.dirname, '../fixtures/render-digests.json');
const articlesFolder = path.join(import.meta.dirname, '../../articles');

function markdownFiles(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true}).flatMap(entry => {
		const file = path.join(folder, entry.name);
		return entry.isDirectory() ? markdownFiles(file) : (entry.name.endsWith('.md') ? [file] : []);
	}).sort();
}

function inputs(): Array<[string, string]> {
	return [
		...markdownFiles(articlesFolder).map(file => [`articles/${path.relative(articlesFolder, file)}`, readFileSync(file, 'utf8')] as [string, string]),
		['realistic 120 KB, seed 2', generateRealisticMarkdown(120_000, 2)],
		['realistic 120 KB, seed 5', generateRealisticMarkdown(120_000, 5)],
		['synthetic 60 KB', generateMarkdown(60_000, 3)],
	];
}

function digests(): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, source] of inputs()) {
		const article = parseArticle(source, {kind: 'stdin', id: '-'});
		for (const style of ['plain', 'ansi'] as RenderStyle[]) {
			for (const width of [60, 100]) {
				const rendered = new RenderedArticle(article, {width, style, theme: darkTheme, hyperlinks: true, highlight: highlightCode}).renderAll();
				result[`${name} · ${style} · ${width}`] = createHash('sha256').update(rendered.lines.join('\n')).digest('hex').slice(0, 16);
			}
		}
	}

	return result;
}

test('every bundled article and generated input renders byte for byte as before', async t => {
	await loadTextWidth();
	const now = digests();
	if (process.env.UPDATE_RENDER_DIGESTS === '1') {
		writeFileSync(fixture, JSON.stringify(now, null, '\t') + '\n');
		t.log(`wrote ${Object.keys(now).length} digests to ${path.relative(process.cwd(), fixture)}`);
	}

	const before = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, string>;
	const changed = Object.keys(before).filter(key => before[key] !== now[key]);
	t.deepEqual(changed, []);
	t.deepEqual(Object.keys(now).sort(), Object.keys(before).sort(), 'the same inputs');
});
