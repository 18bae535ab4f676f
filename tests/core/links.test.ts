import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {extractLinks} from '../../source/core/links/extract-links.js';
import {libraryCandidates, resolveLink, sectionForAnchor} from '../../source/core/links/resolve-link.js';

const article = (body: string) => parseArticle(body, {kind: 'library', id: 'guides/keys', path: '/lib/guides/keys.md'});

test('links are listed in document order with their text and section', t => {
	const links = extractLinks(article('See [the top](#intro).\n\n# Intro\n\n- a [list link](../reference/commands.md#cat)\n\n> quoted <https://example.com>\n\n| a |\n|---|\n| [cell](cell.md) |\n\n# Refs\n\n[ref][r] and ![image](pic.png)\n\n[r]: https://example.org/r\n'));
	t.deepEqual(links.map(link => [link.text, link.href, link.section]), [
		['the top', '#intro', -1],
		['list link', '../reference/commands.md#cat', 0],
		['https://example.com', 'https://example.com', 0],
		['cell', 'cell.md', 0],
		['ref', 'https://example.org/r', 1],
	]);
});

test('link text is plain text and a control in a destination never survives', t => {
	const [link] = extractLinks(article('[**bold** `code`](http://x&#27;y)\n'));
	t.is(link.text, 'bold code');
	// eslint-disable-next-line no-control-regex
	t.false(/[\u0000-\u001F\u007F-\u009F]/.test(link.href));
});

test('an anchor, an article path, a web or mail address and other schemes are told apart', t => {
	t.deepEqual(resolveLink('#reader-keys'), {kind: 'anchor', slug: 'reader-keys'});
	t.deepEqual(resolveLink('../reference/commands.md#folio-cat'), {kind: 'article', path: '../reference/commands.md', slug: 'folio-cat'});
	t.deepEqual(resolveLink('piping.md?x=1'), {kind: 'article', path: 'piping.md'});
	t.deepEqual(resolveLink('my%20notes.md#a%20b'), {kind: 'article', path: 'my notes.md', slug: 'a b'});
	t.deepEqual(resolveLink('HTTPS://example.com/a'), {kind: 'external', url: 'HTTPS://example.com/a'});
	t.deepEqual(resolveLink('mailto:someone@example.com'), {kind: 'external', url: 'mailto:someone@example.com'});
	t.deepEqual(resolveLink('javascript:alert(1)'), {kind: 'unsupported', href: 'javascript:alert(1)'});
	t.deepEqual(resolveLink('file:///etc/passwd'), {kind: 'unsupported', href: 'file:///etc/passwd'});
});

test('a percent-encoded control character is never decoded into a path or an anchor', t => {
	const target = resolveLink('a%1B%5B31m.md#x%07y');
	t.deepEqual(target, {kind: 'article', path: 'a.md', slug: 'xy'});
});

test('article paths resolve from the linking article\'s folder and never leave the library', t => {
	t.deepEqual(libraryCandidates('guides/keys', '../reference/commands.md'), ['reference/commands']);
	t.deepEqual(libraryCandidates('guides/keys', 'writing-articles.md'), ['guides/writing-articles']);
	t.deepEqual(libraryCandidates('guides/keys', '/recipes/piping.md'), ['recipes/piping']);
	t.deepEqual(libraryCandidates('guides/keys', 'recipes/piping'), ['guides/recipes/piping', 'recipes/piping']);
	t.deepEqual(libraryCandidates('getting-started', './guides/keys.markdown'), ['guides/keys']);
	t.is(libraryCandidates('guides/keys', '../../etc/passwd.md'), undefined);
	t.is(libraryCandidates('getting-started', '../outside.md'), undefined);
	t.deepEqual(libraryCandidates('guides/keys', 'picture.png'), []);
});

test('an anchor finds its section by slug, or by the heading text it was written as', t => {
	const {sections} = article('# Reader keys\n## Marks & jumps\n').outline;
	t.is(sectionForAnchor(sections, 'marks--jumps'), 1);
	t.is(sectionForAnchor(sections, 'Reader keys'), 0);
	t.is(sectionForAnchor(sections, 'Reader-Keys'), 0);
	t.is(sectionForAnchor(sections, 'nowhere'), -1);
});
