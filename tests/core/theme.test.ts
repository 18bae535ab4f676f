import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {htmlToSgr} from '../../source/core/markdown/highlight.js';
import {renderArticle} from '../../source/core/markdown/render.js';
import {stripStyling} from '../../source/core/text/sanitize.js';
import {chooseTheme, colourEnabled} from '../../source/core/theme/colour.js';
import {inkProps, paint, roles, themeNames, themes, typographicRoles} from '../../source/core/theme/theme.js';

import {colourParameters, sgrParameters} from '../helpers/sgr.js';

test('every style of the dark and light themes has a colour', t => {
	for (const name of ['dark', 'light'] as const) {
		for (const role of roles) {
			if (!typographicRoles.has(role)) {
				t.truthy(themes[name][role].color, `${name}.${role} has no colour`);
			}
		}
	}
});

test('mono has no colour, only bold, dim, underline and inverse', t => {
	for (const role of roles) {
		const style = themes.mono[role];
		t.is(style.color, undefined, role);
		t.deepEqual(Object.keys(style).filter(key => !['bold', 'dim', 'underline', 'inverse'].includes(key)), [], role);
		t.is(inkProps(style).color, undefined, role);
	}
});

test('every theme names every role', t => {
	for (const name of themeNames) {
		t.deepEqual(Object.keys(themes[name]).filter(key => key !== 'name').sort(), [...roles].sort(), name);
	}
});

test('paint re-opens its style after a nested style closes the same attribute', t => {
	const bold = paint({bold: true});
	const dim = paint({dim: true, color: 'gray'});
	t.is(bold(`a ${dim('b')} c`), '\u001B[1ma \u001B[2m\u001B[90mb\u001B[39m\u001B[22m\u001B[1m c\u001B[22m');
	t.is(bold(''), '');
	t.is(paint({})('x'), 'x');
});

test('an article rendered in mono carries no colour, in light the light colours', t => {
	const source = '# Title\n\n## Part\n\nSome `code`, a [link](https://x.org), **bold**.\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n';
	const article = parseArticle(source, {kind: 'stdin', id: '-'});
	const mono = renderArticle(article, {width: 60, style: 'ansi', theme: themes.mono}).lines.join('\n');
	t.deepEqual(colourParameters(mono), []);
	t.true(sgrParameters(mono).includes('1'), 'headings are still bold');
	const light = renderArticle(article, {width: 60, style: 'ansi', theme: themes.light}).lines.join('\n');
	const opening = (heading: string) => sgrParameters(light.split('\n').find(line => line.includes(heading))!.split(heading)[0]).join(';');
	t.is(opening('# Title'), '1;4;35', 'the first heading in light magenta');
	t.is(opening('## Part'), '1;32', 'a second-level heading in the light theme\'s green');
});

test('headings take the style of their level', t => {
	const article = parseArticle('# One\n\n## Two\n\n### Three\n\n#### Four\n', {kind: 'stdin', id: '-'});
	const lines = renderArticle(article, {width: 60, style: 'ansi', theme: themes.dark}).lines.filter(line => line.includes('#'));
	t.deepEqual(lines.map(line => sgrParameters(line.slice(0, line.indexOf('#'))).join(';')), ['1;4;35', '1;32', '1;36', '1;33']);
});

test('code highlighting takes its colours from the theme', t => {
	const html = '<span class="hljs-keyword">const</span> x = <span class="hljs-string">&#x27;a&#x27;</span>;';
	t.true(htmlToSgr(html, themes.dark).includes('\u001B[94mconst'));
	t.true(htmlToSgr(html, themes.light).includes('\u001B[34mconst'));
	const mono = htmlToSgr(html, themes.mono);
	t.deepEqual(colourParameters(mono), []);
	t.true(mono.includes('\u001B[1mconst'), 'keywords are bold in mono');
	t.is(stripStyling(mono), 'const x = \'a\';');
});

test('colour follows chalk: FORCE_COLOR first, then --color/--no-color, then NO_COLOR, then the terminal', t => {
	t.true(colourEnabled({env: {}, isTTY: true}));
	t.false(colourEnabled({env: {}, isTTY: false}));
	t.false(colourEnabled({env: {NO_COLOR: '1'}, isTTY: true}));
	t.true(colourEnabled({env: {NO_COLOR: ''}, isTTY: true}), 'an empty NO_COLOR is not set');
	t.true(colourEnabled({flag: true, env: {NO_COLOR: '1'}, isTTY: false}), '--color overrides NO_COLOR');
	t.false(colourEnabled({flag: false, env: {}, isTTY: true}));
	t.true(colourEnabled({flag: false, env: {FORCE_COLOR: '1'}, isTTY: false}), 'FORCE_COLOR overrides all other checks');
	t.false(colourEnabled({flag: true, env: {FORCE_COLOR: '0'}, isTTY: true}));
	t.false(colourEnabled({env: {FORCE_COLOR: 'false'}, isTTY: true}));
	t.true(colourEnabled({env: {FORCE_COLOR: ''}, isTTY: false}));
	t.false(colourEnabled({env: {TERM: 'dumb'}, isTTY: true}));
	t.is(chooseTheme('light', false).name, 'mono');
	t.is(chooseTheme('light', true).name, 'light');
});
