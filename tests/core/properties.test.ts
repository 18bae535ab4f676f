import test from 'ava';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {parseArticle} from '../../source/core/article/article.js';
import {renderArticle} from '../../source/core/markdown/render.js';
import {stripStyling} from '../../source/core/text/sanitize.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {document, frontMatter} from '../helpers/hostile.js';

test.before(async () => {
	await loadTextWidth();
});

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

test('for any document and any width from 20, no line is wider than the width', t => {
	fc.assert(fc.property(frontMatter, document, fc.integer({min: 20, max: 140}), fc.constantFrom('plain', 'ansi' as const), (head, body, width, style) => {
		const lines = renderArticle(parseArticle(head + body, {kind: 'stdin', id: '-'}), {width, style: style as 'plain' | 'ansi'}).lines;
		for (const rendered of lines) {
			const columns = stringWidth(stripStyling(rendered));
			if (columns > width) {
				throw new Error(`line of ${columns} columns at width ${width}: ${JSON.stringify(rendered)}`);
			}
		}
	}), {numRuns: 150});
	t.pass();
});

test('for any document, plain output has no control character and ansi output only SGR styling', t => {
	fc.assert(fc.property(frontMatter, document, (head, body) => {
		const article = parseArticle(head + body, {kind: 'stdin', id: '-'});
		for (const rendered of renderArticle(article, {width: 60, style: 'plain'}).lines) {
			if (controls.test(rendered)) {
				throw new Error(`plain: ${JSON.stringify(rendered)}`);
			}
		}

		for (const rendered of renderArticle(article, {width: 60, style: 'ansi'}).lines) {
			// eslint-disable-next-line no-control-regex
			if (controls.test(rendered.replace(/\u001B\[[\d;]*m/g, ''))) {
				throw new Error(`ansi: ${JSON.stringify(rendered)}`);
			}
		}

		for (const text of [article.title, article.summary ?? '', ...article.tags, ...article.outline.sections.map(section => section.title)]) {
			if (controls.test(text)) {
				throw new Error(`metadata: ${JSON.stringify(text)}`);
			}
		}
	}), {numRuns: 150});
	t.pass();
});
