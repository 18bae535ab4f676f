import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import test from 'ava';
import type {TextSearch} from '../../source/node/search/text-search-thread.js';

const root = path.join(import.meta.dirname, '..', '..');

function library(t: {teardown(fn: () => void): void}): {folder: string; env: NodeJS.ProcessEnv} {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-text-search-'));
	t.teardown(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	mkdirSync(path.join(folder, 'docs'));
	writeFileSync(path.join(folder, 'docs', 'net.md'), '---\ntitle: Networking\n---\n\n## Sockets\n\nA socket is opened.\n\n## Files\n\nNothing else.\n');
	writeFileSync(path.join(folder, 'other.md'), '# Other\n\nNo match here.\n');
	return {folder, env: {XDG_CACHE_HOME: path.join(folder, '.cache')}};
}

/** The built module (`npm run build`), as folio runs it: its worker is found beside the bundle. */
async function builtThread(): Promise<(directory: string, env: NodeJS.ProcessEnv) => TextSearch> {
	const chunks = path.join(root, 'dist', 'chunks');
	const file = readdirSync(chunks).find(name => name.startsWith('text-search-thread-'));
	if (!file) {
		throw new Error(`Expected a text-search-thread chunk in ${chunks}: run npm run build`);
	}

	return ((await import(pathToFileURL(path.join(chunks, file)).href)) as {textSearchThread: (directory: string, env: NodeJS.ProcessEnv) => TextSearch}).textSearchThread;
}

test('the built reader searches the text in a worker thread and finds the section and words', async t => {
	const {folder, env} = library(t);
	const search = (await builtThread())(folder, env);
	t.true(search.inWorker, 'the bundle finds its worker file');
	const matches = await search.find('sock', new AbortController().signal);
	t.is(matches.length, 1);
	t.like(matches[0], {id: 'docs/net', title: 'Networking', section: 'Sockets', slug: 'sockets'});
	const [start, end] = matches[0].highlights[0];
	t.is(matches[0].snippet.slice(start, end).toLowerCase(), 'sock', 'the words typed are lit where they are');
	t.deepEqual(await search.find('nothing-like-this', new AbortController().signal), []);
});

test('a search aborted before its answer gives nothing, and the next one still answers', async t => {
	const {folder, env} = library(t);
	const search = (await builtThread())(folder, env);
	const controller = new AbortController();
	const first = search.find('sock', controller.signal);
	controller.abort();
	t.deepEqual(await first, []);
	t.is((await search.find('sock', new AbortController().signal)).length, 1);
});

test('an idle search worker does not keep the process running', async t => {
	const {folder, env} = library(t);
	const chunk = readdirSync(path.join(root, 'dist', 'chunks')).find(name => name.startsWith('text-search-thread-'))!;
	const script = `const {textSearchThread} = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'chunks', chunk)).href)});
const search = textSearchThread(${JSON.stringify(folder)}, ${JSON.stringify(env)});
console.log((await search.find('sock', new AbortController().signal)).length);`;
	const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8', timeout: 30_000});
	t.is(result.signal, null, 'the process ended on its own, not by the timeout');
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout.trim(), '1', 'and the search answered before it ended');
});
