import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {renderArticle} from '../../source/core/markdown/render.js';
import {keepOnlyStyling, stripStyling} from '../../source/core/text/sanitize.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {displayWidth} from '../../source/core/text/fit.js';

test.before(async () => {
	await loadTextWidth();
});

const render = (source: string, options: {width?: number; style?: 'ansi' | 'plain'; hyperlinks?: boolean} = {}) =>
	renderArticle(parseArticle(source, {kind: 'stdin', id: '-'}), {width: options.width ?? 80, style: options.style ?? 'ansi', hyperlinks: options.hyperlinks ?? true}).lines.join('\n');

const open = (url: string) => `\u001B]8;;${url}\u0007`;
const close = '\u001B]8;;\u0007';

test('a web link becomes an OSC 8 hyperlink and its URL is not repeated after the text', t => {
	const output = render('See [the docs](https://example.com/docs) now.\n');
	t.true(output.includes(open('https://example.com/docs')));
	t.true(output.includes(close));
	t.is(stripStyling(output), 'See the docs now.');
});

test('without hyperlinks the URL follows the text, as before', t => {
	const output = render('See [the docs](https://example.com/docs) now.\n', {hyperlinks: false});
	t.false(output.includes('\u001B]'));
	t.is(stripStyling(output), 'See the docs (https://example.com/docs) now.');
});

test('plain output never has hyperlinks', t => {
	const output = render('[a](https://example.com) <mailto:x@example.com>\n', {style: 'plain'});
	t.false(output.includes('\u001B'));
});

test('mail links are hyperlinks; anchors and relative paths are not', t => {
	const output = render('[mail](mailto:x@example.com) [top](#top) [other](other.md#x)\n');
	t.true(output.includes(open('mailto:x@example.com')));
	t.is(output.split('\u001B]8;;').length - 1, 2);
	t.regex(stripStyling(output), /other \(other\.md#x\)/);
});

test('a URL carrying a control or bidi character is shown as text, never inside a sequence', t => {
	for (const url of ['https://exa&#27;]8;;mple.com', 'https://example.com/&#x202E;gpj.exe', 'https://example.com/&#x9d;x', 'https://a.com/&#7;']) {
		const output = render(`[click](${url})\n`);
		t.false(output.includes('\u001B]8;;http'), url);
		// eslint-disable-next-line no-control-regex
		t.false(/[\u0007\u009D\u202E]/.test(output), url);
	}
});

test('a hyperlink that wraps stays a hyperlink on every line and each line fits', t => {
	const output = render(`Some words before [a link whose text is long enough to wrap onto the next line](https://example.com/long) and after.\n`, {width: 30});
	const lines = output.split('\n');
	t.true(lines.length > 2);
	const linked = lines.filter(line => line.includes(open('https://example.com/long')));
	t.true(linked.length >= 2, output);
	for (const line of lines) {
		t.true(displayWidth(line) <= 30, line);
		t.is(line.split(open('https://example.com/long')).length - 1, line.split(close).length - 1, `every line closes the link it opens: ${JSON.stringify(line)}`);
	}
});

test('the last gate keeps SGR and safe hyperlinks and drops everything else', t => {
	t.is(keepOnlyStyling(`\u001B[1m${open('https://a.com')}x${close}\u001B[22m`), `\u001B[1m${open('https://a.com')}x${close}\u001B[22m`);
	t.is(keepOnlyStyling(`${open('https://a.com/\u202Ex')}x${close}`), `x${close}`);
	t.is(keepOnlyStyling('\u001B]0;title\u0007x\u001B[2J\u0007y'), 'xy');
});
