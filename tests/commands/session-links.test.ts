import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {PassThrough} from 'node:stream';
import test from 'ava';
import {sessionLinks} from '../../source/commands/session-links.js';
import {loadArticle, locateArticle} from '../../source/node/library/source.js';
import {temporaryFolder} from '../helpers/terminal.js';

/** A library with two linked articles, a file outside it and a link pointing out of it. */
function library(t: {teardown(fn: () => unknown): void}) {
	const root = temporaryFolder(t, 'folio-links-');
	const folder = path.join(root, 'library');
	mkdirSync(path.join(folder, 'guides'), {recursive: true});
	mkdirSync(path.join(folder, 'reference'));
	writeFileSync(path.join(folder, 'guides', 'start.md'), '# Start\n\nSee [commands](../reference/commands.md#folio-cat).\n');
	writeFileSync(path.join(folder, 'reference', 'commands.md'), '# Commands\n\n## folio cat\n\nText.\n');
	writeFileSync(path.join(folder, 'guides', 'picture.png'), 'not markdown');
	writeFileSync(path.join(root, 'secret.md'), '# Outside the library\n');
	symlinkSync(path.join(root, 'secret.md'), path.join(folder, 'guides', 'escape.md'));
	const context = {stdout: new PassThrough(), stderr: new PassThrough(), env: {}, libraryFolder: folder};
	const links = sessionLinks(context, run => run());
	const from = loadArticle(locateArticle('guides/start', folder), 1_000_000);
	return {links, from, root};
}

test('a relative link to a Markdown file opens that library article; so does a library id', async t => {
	const {links, from} = library(t);
	t.is((await links.openLinked(from, '../reference/commands.md')).id, 'reference/commands');
	t.is((await links.openLinked(from, 'reference/commands')).id, 'reference/commands');
});

test('a link that leaves the library, names no Markdown file or no article fails with one line', async t => {
	const {links, from} = library(t);
	await t.throwsAsync(links.openLinked(from, '../../secret.md'), {message: '../../secret.md is outside the library'});
	await t.throwsAsync(links.openLinked(from, 'picture.png'), {message: 'picture.png is not a Markdown article'});
	await t.throwsAsync(links.openLinked(from, 'escape.md'), {message: 'cannot open guides/escape: symbolic link points outside the library'});
	const missing = await t.throwsAsync(links.openLinked(from, 'nothing-here.md'));
	t.false(missing?.message.includes('\n'));
});

test('the editor is asked for the file line: the body line after the front matter', async t => {
	const root = temporaryFolder(t, 'folio-edit-');
	const file = path.join(root, 'notes.md');
	writeFileSync(file, '---\ntitle: Notes\n---\n# Notes\n\n## Second\n');
	const recorded = path.join(root, 'args');
	const editor = path.join(root, 'editor');
	writeFileSync(editor, `#!/bin/sh\nprintf '%s\\n' "$@" > '${recorded}'\n`, {mode: 0o755});
	const context = {stdout: new PassThrough(), stderr: new PassThrough(), env: {EDITOR: editor, PATH: process.env.PATH}, libraryFolder: root};
	let handedOver = 0;
	const links = sessionLinks(context, run => {
		handedOver++;
		return run();
	});
	const article = loadArticle(locateArticle(file, root), 1_000_000);
	const second = article.outline.sections[1];
	t.is(await links.edit(article, second.sourceLine + 1), 'edited with ' + editor);
	t.is(handedOver, 1, 'the terminal is handed over for the editor');
	t.deepEqual(readFileSync(recorded, 'utf8').split('\n').slice(0, 2), ['+6', file]);
});
