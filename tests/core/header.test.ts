import test from 'ava';
import stringWidth from 'string-width';
import {parseArticle} from '../../source/core/article/article.js';
import {headerLines} from '../../source/core/reader/reader-document.js';
import {stripStyling} from '../../source/core/text/sanitize.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {themes} from '../../source/core/theme/theme.js';
import {colourParameters} from '../helpers/sgr.js';

test.before(async () => {
	await loadTextWidth();
});

const article = (frontMatter: string, body = 'word '.repeat(1100)) => parseArticle(`---\n${frontMatter}\n---\n\n${body}\n`, {kind: 'file', id: 'x', path: '/x.md'} as never);
const icons = {theme: themes.dark, icons: true};
const seed = article('title: Command reference\ndate: 2026-11-25\ncategory: Reference\nsummary: Every command and flag.');

test('the header reads as the seed page: title, facts with icons, summary', t => {
	const lines = headerLines(seed, 80, 'plain', {views: 1}, icons);
	t.deepEqual(lines, [
		'Command reference',
		'📅 2026-11-25 · 📁 Reference · 👁 1 view · ⏱️ 5 min read',
		'💡 Every command and flag.',
		'─'.repeat(40),
		'',
	]);
});

test('with icons off the marks are words', t => {
	const lines = headerLines(seed, 80, 'plain', {views: 3}, {theme: themes.dark, icons: false});
	t.is(lines[1], 'Date: 2026-11-25 · Category: Reference · 3 views · 5 min read');
	t.is(lines[2], 'Summary: Every command and flag.');
});

test('missing facts are left out, never shown empty', t => {
	const bare = article('title: Bare', 'a few words');
	t.deepEqual(headerLines(bare, 80, 'plain', {views: undefined}, icons).slice(0, 2), ['Bare', '⏱️ 1 min read']);
	const dated = article('title: Dated\ndate: 2026-01-02', '');
	t.deepEqual(headerLines(dated, 80, 'plain', {views: 2}, icons).slice(0, 3), ['Dated', '📅 2026-01-02 · 👁 2 views · ⏱️ 0 min read', '─'.repeat(40)]);
});

test('the header fits its width with emoji measured at their true width', t => {
	for (const width of [20, 33, 47]) {
		for (const line of headerLines(seed, width, 'ansi', {views: 12}, icons)) {
			t.true(stringWidth(stripStyling(line)) <= width, `${width}: ${line}`);
		}
	}
});

test('the header takes its colours from the theme', t => {
	const dark = headerLines(seed, 80, 'ansi', {views: 1}, {theme: themes.dark, icons: true});
	t.is(dark[0], '\u001B[1m\u001B[97mCommand reference\u001B[39m\u001B[22m', 'the title in the dark theme\'s bold bright white');
	const mono = headerLines(seed, 80, 'ansi', {views: 1}, {theme: themes.mono, icons: true});
	t.is(mono[0], '\u001B[1mCommand reference\u001B[22m');
	t.deepEqual(colourParameters(mono.join('')), []);
});
