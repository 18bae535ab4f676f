import test from 'ava';
import {parseArticle, readArticleInfo} from '../../source/core/article/article.js';
import {splitFrontMatter} from '../../source/core/article/front-matter.js';

const origin = {kind: 'file', id: '/tmp/notes.md', path: '/tmp/notes.md'} as const;

test('front matter fields are read and the body starts after the block', t => {
	const {frontMatter, body, warning} = splitFrontMatter('---\ntitle: Keys\ndate: 2026-01-05\ncategory: Guide\ntags: [a, b]\nsummary: Short.\n---\n# Heading\n');
	t.deepEqual(frontMatter, {title: 'Keys', date: '2026-01-05', category: 'Guide', tags: ['a', 'b'], summary: 'Short.'});
	t.is(body, '# Heading\n');
	t.is(warning, undefined);
});

test('tags may be a comma-separated string', t => {
	t.deepEqual(splitFrontMatter('---\ntags: one, two\n---\n').frontMatter.tags, ['one', 'two']);
});

test('broken YAML is reported once and the whole file is kept as text', t => {
	const source = '---\ntitle: [unclosed\n---\nbody\n';
	const {frontMatter, body, warning} = splitFrontMatter(source);
	t.is(body, source);
	t.deepEqual(frontMatter.tags, []);
	t.regex(warning ?? '', /front matter is not valid YAML/);
});

test('an unclosed block is reported and kept as text', t => {
	const {body, warning} = splitFrontMatter('---\ntitle: x\nno end here\n');
	t.is(body, '---\ntitle: x\nno end here\n');
	t.regex(warning ?? '', /not closed/);
});

test('a block that is not a mapping is reported', t => {
	t.regex(splitFrontMatter('---\n- a\n- b\n---\ntext').warning ?? '', /not a YAML mapping/);
});

test('title falls back to the first H1, then to the file name', t => {
	t.is(parseArticle('---\ntitle: From front matter\n---\n# Heading\n', origin).title, 'From front matter');
	t.is(parseArticle('intro\n\n## Sub\n\n# The *first* H1\n', origin).title, 'The first H1');
	t.is(parseArticle('Setext title\n===\n', origin).title, 'Setext title');
	t.is(parseArticle('no headings here\n', origin).title, 'notes');
	t.is(readArticleInfo('```\n# not a heading\n```\n# Real\n', origin).title, 'Real');
});

test('escape sequences in front matter are removed whole from the title', t => {
	const article = parseArticle('---\ntitle: "Evil \\e]0;pwned\\a title"\nsummary: "a\\u009bb"\n---\n', origin);
	t.is(article.title, 'Evil title');
	t.is(article.summary, 'a', 'a C1 CSI takes its final byte with it, as a terminal would');
});

test('a BOM and CRLF line ends behave like a plain LF file', t => {
	const lf = parseArticle('---\ntitle: T\n---\n# A\n\ntext\n', origin);
	const crlf = parseArticle('\uFEFF---\r\ntitle: T\r\n---\r\n# A\r\n\r\ntext\r\n', origin);
	t.is(crlf.title, lf.title);
	t.is(crlf.body, lf.body);
	t.deepEqual(crlf.outline.sections, lf.outline.sections);
	t.deepEqual(crlf.outline.blocks, lf.outline.blocks);
});

test('words and reading time use 230 words a minute, CJK characters counting one each', t => {
	const article = parseArticle(`${'word '.repeat(460)}\n`, origin);
	t.is(article.words, 460);
	t.is(article.minutes, 2);
	t.is(parseArticle('日本語の文章 and two\n', origin).words, 8);
	t.is(parseArticle('', origin).minutes, 0, 'an empty article takes no time to read');
	t.is(parseArticle('one\n', origin).minutes, 1);
});

test('normalising long lines without tabs takes linear time, not quadratic', t => {
	const text = `${'word '.repeat(4000)}\n`.repeat(50) + 'one\ttab\n';
	const start = performance.now();
	const body = parseArticle(text, origin).body;
	t.true(body.endsWith('one tab\n'));
	t.true(performance.now() - start < 2000, 'a quadratic tab expansion took seconds here');
});
