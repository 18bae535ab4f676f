import {chmodSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {outputLines, runFolio, temporaryFolder, writeLibrary} from '../helpers/cli.js';

const alpha = `---
title: Alpha
date: 2026-01-05
category: Notes
tags: [x, y]
summary: About alpha.
---

# Ignored first heading

One two three.
`;

function smallLibrary(t: Parameters<typeof writeLibrary>[0]): string {
	return writeLibrary(t, {
		'a.md': alpha,
		'sub/b.md': '# Bravo heading\n\nSome text.\n',
		'sub/deeper/c.md': 'Just text, no heading.\n',
		'notes.txt': 'not an article',
	});
}

test('list prints one tab-separated line per article: id, title, category, date and minutes', async t => {
	const library = smallLibrary(t);
	const result = await runFolio(t, ['--dir', library, 'list']);
	t.is(result.status, 0);
	t.is(result.stderr, '');
	const rows = outputLines(result.stdout).map(line => line.split('\t'));
	t.deepEqual(rows.map(row => row.length), [5, 5, 5]);
	t.deepEqual(rows[0].slice(0, 4), ['a', 'Alpha', 'Notes', '2026-01-05']);
	t.regex(rows[0][4], /^1\b/);
	t.deepEqual(rows.map(row => row[0]), ['a', 'sub/b', 'sub/deeper/c']);
});

test('ids are paths relative to the library without .md, and titles fall back to the first H1, then the file name', async t => {
	const library = smallLibrary(t);
	const result = await runFolio(t, ['--dir', library, 'list', '--json']);
	t.is(result.status, 0);
	const rows = JSON.parse(result.stdout) as Array<{id: string; title: string}>;
	t.deepEqual(rows.map(row => [row.id, row.title]), [['a', 'Alpha'], ['sub/b', 'Bravo heading'], ['sub/deeper/c', 'c']]);
});

test('list --json gives id, path, title, category, date, tags, summary, words, minutes, views, progress and lastRead', async t => {
	const library = smallLibrary(t);
	const result = await runFolio(t, ['--dir', library, 'list', '--json']);
	t.is(result.status, 0);
	t.is(result.stderr, '');
	const [first, second] = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
	t.true(Number.isInteger(first.words) && (first.words as number) > 0);
	t.deepEqual(first, {
		id: 'a',
		path: path.join(library, 'a.md'),
		title: 'Alpha',
		category: 'Notes',
		date: '2026-01-05',
		tags: ['x', 'y'],
		summary: 'About alpha.',
		words: first.words,
		minutes: 1,
		views: 0,
		progress: 0,
		lastRead: null,
	});
	t.deepEqual(Object.keys(second).sort(), Object.keys(first).sort());
	t.deepEqual(second.tags, []);
});

test('list and list --json agree on the bundled library', async t => {
	const [text, json] = await Promise.all([runFolio(t, ['list']), runFolio(t, ['list', '--json'])]);
	t.is(text.status, 0);
	t.is(json.status, 0);
	t.is(text.stderr, '');
	const rows = JSON.parse(json.stdout) as Array<{id: string; title: string; category: string | null; date: string | null; minutes: number}>;
	t.true(rows.length >= 10);
	t.true(rows.some(row => row.id === 'guides/keys'));
	t.deepEqual(
		outputLines(text.stdout).map(line => line.split('\t').slice(0, 4)),
		rows.map(row => [row.id, row.title, row.category ?? '-', row.date ?? '-']),
	);
	for (const [index, line] of outputLines(text.stdout).entries()) {
		t.true(line.split('\t')[4].startsWith(String(rows[index].minutes)), line);
	}
});

test('a binary file in the library is skipped with one warning line and the rest is listed', async t => {
	const library = writeLibrary(t, {
		'good.md': '# Good\n',
		'binary.md': Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0xFF, 0x0A]),
	});
	const result = await runFolio(t, ['--dir', library, 'list']);
	t.is(result.status, 0);
	t.deepEqual(outputLines(result.stdout).map(line => line.split('\t')[0]), ['good']);
	const warnings = outputLines(result.stderr);
	t.is(warnings.length, 1);
	t.true(warnings[0].startsWith('folio: warning:'), warnings[0]);
	t.true(warnings[0].includes('binary.md'), warnings[0]);
});

test('a broken symbolic link in the library is skipped with one warning line', async t => {
	const library = writeLibrary(t, {'good.md': '# Good\n'});
	symlinkSync(path.join(library, 'missing.md'), path.join(library, 'dangling.md'));
	const result = await runFolio(t, ['--dir', library, 'list', '--json']);
	t.is(result.status, 0);
	t.deepEqual((JSON.parse(result.stdout) as Array<{id: string}>).map(row => row.id), ['good']);
	const warnings = outputLines(result.stderr);
	t.is(warnings.length, 1);
	t.regex(warnings[0], /^folio: warning: .*dangling\.md/);
});

test('a file without read permission is skipped with one warning line', async t => {
	if (process.getuid?.() === 0) {
		t.pass('root reads every file; nothing to test');
		return;
	}

	const library = writeLibrary(t, {'good.md': '# Good\n', 'secret.md': '# Secret\n'});
	chmodSync(path.join(library, 'secret.md'), 0o000);
	const result = await runFolio(t, ['--dir', library, 'list']);
	t.is(result.status, 0);
	t.deepEqual(outputLines(result.stdout).map(line => line.split('\t')[0]), ['good']);
	const warnings = outputLines(result.stderr);
	t.is(warnings.length, 1);
	t.regex(warnings[0], /^folio: warning: .*secret\.md/);
});

test('a file that is not valid UTF-8 is still listed, with one warning line', async t => {
	const library = writeLibrary(t, {'latin1.md': Buffer.from('# Caf\u00E9\n\nna\u00EFve\n', 'latin1')});
	const result = await runFolio(t, ['--dir', library, 'list', '--json']);
	t.is(result.status, 0);
	const [row] = JSON.parse(result.stdout) as Array<{id: string; title: string}>;
	t.deepEqual([row.id, row.title], ['latin1', 'Caf\uFFFD']);
	const warnings = outputLines(result.stderr);
	t.is(warnings.length, 1);
	t.true(warnings[0].startsWith('folio: warning:'), warnings[0]);
});

test('a file over FOLIO_MAX_BYTES is skipped by list even after an earlier list has seen it', async t => {
	const library = writeLibrary(t, {'big.md': `# Big\n\n${'word '.repeat(400)}\n`, 'small.md': '# Small\n'});
	const stateDir = temporaryFolder(t, 'folio-state-');
	const first = await runFolio(t, ['--dir', library, 'list'], {stateDir});
	t.is(first.status, 0);
	t.is(outputLines(first.stdout).length, 2);
	const limited = await runFolio(t, ['--dir', library, 'list'], {stateDir, env: {FOLIO_MAX_BYTES: '1000'}});
	t.is(limited.status, 0);
	t.deepEqual(outputLines(limited.stdout).map(line => line.split('\t')[0]), ['small']);
	t.is(outputLines(limited.stderr).length, 1);
	t.regex(limited.stderr, /^folio: warning: .*big\.md/);
});

test('ids keep spaces and non-ASCII letters, and open by id', async t => {
	const library = writeLibrary(t, {'sub dir/Ünïcode nötes.md': '# Ünïcode\n\nText.\n', '日本/記事.md': '# 記事\n'});
	const list = await runFolio(t, ['--dir', library, 'list']);
	t.deepEqual(outputLines(list.stdout).map(line => line.split('\t').slice(0, 2)), [['sub dir/Ünïcode nötes', 'Ünïcode'], ['日本/記事', '記事']]);
	const cat = await runFolio(t, ['--dir', library, 'cat', 'sub dir/Ünïcode nötes']);
	t.is(cat.status, 0);
	t.is(cat.stdout, '# Ünïcode\n\nText.\n');
});

test('an empty library lists nothing and exits 0', async t => {
	const result = await runFolio(t, ['--dir', temporaryFolder(t), 'list']);
	t.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
});

test('list takes no ARTICLE', async t => {
	const result = await runFolio(t, ['list', 'guides/keys']);
	t.is(result.status, 2);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^folio: [^\n]+\n$/);
});

test('a title taken from a heading with badges is its text, as the contents show it', async t => {
	const folder = writeLibrary(t, {'tool/README.md': '# my-tool [![Build Status][ci-image]][ci-url] [![npm](https://img.shields.io/npm/v/x.svg)](https://npm.im/x)\n\nText.\n\n[ci-image]: https://ci.example/badge.svg\n[ci-url]: https://ci.example/\n', 'logo.md': '# ![Logo text](logo.png)\n\nText.\n', 'bare.md': '# [![](logo.svg)](https://example.com)\n\nText.\n'});
	const listed = await runFolio(t, ['--dir', folder, 'list']);
	t.is(listed.status, 0, listed.stderr);
	t.true(listed.stdout.includes('tool/README\tmy-tool\t'), listed.stdout);
	t.true(listed.stdout.includes('logo\tLogo text\t'), 'a heading that is only an image keeps its alt text');
	t.true(listed.stdout.includes('bare\tbare\t'), 'a heading with no text at all: the file name');
	const toc = await runFolio(t, ['--dir', folder, 'toc', 'tool/README', '--json']);
	const [entry] = JSON.parse(toc.stdout) as Array<{title: string; slug: string}>;
	t.is(entry.title, 'my-tool');
	t.is(entry.slug, 'my-tool-build-status-npm', 'the slug is as before: links to it keep working');
});
