import {chmodSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {articlesFolder, outputLines, runFolio, temporaryFolder, writeLibrary} from '../helpers/cli.js';

type Hit = {id: string; title: string; section: string; slug: string; line: number | null; snippet: string; score: number};

const longParagraph = Array.from({length: 12}, (_, index) => `Sentence ${index} talks about the terminal width and wrapping of long lines.`).join(' ');

const library = {
	'sockets.md': `---\ntitle: Sockets\ntags: [network]\nsummary: How to open one.\n---\n\n# Sockets\n\nA socket is an endpoint.\n\n## Opening\n\n${longParagraph} Open the door to the socket server.\n\n## Closing\n\nClose it when done.\n`,
	'notes/cafe.md': '# Café notes\n\nUn café crème, s’il vous plaît.\n\n## Tokyo\n\n東京タワーは高い。\n',
	'doors.md': '# Doors\n\nThe door opens: open the door. A socket too.\n<!-- secretword in a comment -->\n',
};

async function search(t: ExecutionContext, folder: string, args: string[], stateDir?: string) {
	return runFolio(t, ['search', '--dir', folder, ...args], {stateDir});
}

async function searchJson(t: ExecutionContext, folder: string, args: string[], stateDir?: string): Promise<Hit[]> {
	const result = await search(t, folder, [...args, '--json'], stateDir);
	t.is(result.status, 0, result.stderr);
	return JSON.parse(result.stdout) as Hit[];
}

test('search --json: every hit\'s line is the line of the match in cat --format plain --width 80', async t => {
	const folder = writeLibrary(t, library);
	const hits = await searchJson(t, folder, ['terminal']);
	t.true(hits.length > 0);
	for (const hit of hits) {
		const cat = await runFolio(t, ['cat', '--dir', folder, hit.id, '--format', 'plain', '--width', '80']);
		const lines = outputLines(cat.stdout);
		t.not(hit.line, null);
		t.is(hit.snippet, lines[hit.line!].trim(), `line ${hit.line} of ${hit.id}`);
		t.regex(lines[hit.line!], /terminal/i);
	}
});

test('search --json agrees with cat on the bundled library and real READMEs too', async t => {
	const readmes = ['marked', 'ink', 'conf'].map(name => path.resolve('node_modules', name, 'readme.md')).map(file => (statSync(file, {throwIfNoEntry: false}) ? file : file.replace('readme.md', 'README.md')));
	const folder = writeLibrary(t, Object.fromEntries(readmes.map((file, index) => [`readme-${index}.md`, readFileSync(file)])));
	for (const [where, word] of [[articlesFolder, 'section'], [folder, 'options']] as const) {
		const hits = await searchJson(t, where, [word, '--limit', '2']);
		t.true(hits.length > 0, where);
		const cats = new Map<string, string[]>();
		for (const hit of hits.filter(hit => hit.line !== null)) {
			if (!cats.has(hit.id)) {
				cats.set(hit.id, outputLines((await runFolio(t, ['cat', '--dir', where, hit.id, '--format', 'plain', '--width', '80'])).stdout));
			}

			const line = cats.get(hit.id)![hit.line!] ?? '';
			t.true(hit.snippet.startsWith(line.trim().slice(0, 40)), `${hit.id}:${hit.line} is ${JSON.stringify(line)}, snippet ${JSON.stringify(hit.snippet)}`);
			t.true(hit.snippet.length <= 160);
			t.regex(hit.snippet.normalize('NFKD').toLowerCase(), new RegExp(word));
		}
	}
});

test('the hit names its section and slug, with the article id and title', async t => {
	const hits = await searchJson(t, writeLibrary(t, library), ['close']);
	t.deepEqual(hits.map(({id, title, section, slug}) => ({id, title, section, slug})), [{id: 'sockets', title: 'Sockets', section: 'Closing', slug: 'closing'}]);
	t.true(hits[0].score > 0);
});

test('articles are ranked, best first, and grouped: a title match above a passing mention', async t => {
	const hits = await searchJson(t, writeLibrary(t, library), ['socket']);
	t.deepEqual([...new Set(hits.map(hit => hit.id))], ['sockets', 'doors']);
	t.deepEqual(hits.map(hit => [hit.id, hit.section]), [['sockets', 'Sockets'], ['sockets', 'Opening'], ['doors', 'Doors']]);
});

test('a quoted phrase matches its words in order only', async t => {
	const folder = writeLibrary(t, library);
	const inOrder = await searchJson(t, folder, ['"open the door"']);
	t.deepEqual([...new Set(inOrder.map(hit => hit.id))].sort(), ['doors', 'sockets']);
	const reversed = await search(t, folder, ['"door the open"']);
	t.is(reversed.status, 1);
	t.is(reversed.stdout, '');
});

test('prefixes, folded diacritics and ideographs are found', async t => {
	const folder = writeLibrary(t, library);
	t.deepEqual((await searchJson(t, folder, ['sock'])).map(hit => hit.id)[0], 'sockets');
	const cafe = await searchJson(t, folder, ['cafe', 'CREME']);
	t.is(cafe[0].id, 'notes/cafe');
	t.regex(cafe[0].snippet, /café crème/);
	const tokyo = await searchJson(t, folder, ['東京']);
	t.deepEqual(tokyo.map(hit => [hit.id, hit.section]), [['notes/cafe', 'Tokyo']]);
});

test('text in HTML comments and front matter keys is not searched; title, tags and summary are', async t => {
	const folder = writeLibrary(t, library);
	t.is((await search(t, folder, ['secretword'])).status, 1);
	t.is((await search(t, folder, ['summary'])).status, 1);
	const tag = await searchJson(t, folder, ['network']);
	t.deepEqual(tag.map(hit => [hit.id, hit.line, hit.snippet]), [['sockets', null, 'network']]);
});

test('in a pipe each hit is one tab-separated line: id, section, 1-based line, snippet', async t => {
	const folder = writeLibrary(t, library);
	const result = await search(t, folder, ['close']);
	t.is(result.status, 0);
	const [hit] = await searchJson(t, folder, ['close']);
	t.is(result.stdout, `sockets\tClosing\t${hit.line! + 1}\tClose it when done.\n`);
});

test('exit codes: 0 with hits, 1 with none, 2 without a query or with a bad --limit', async t => {
	const folder = writeLibrary(t, library);
	t.is((await search(t, folder, ['socket'])).status, 0);
	const none = await search(t, folder, ['nothingmatchesthis']);
	t.is(none.status, 1);
	t.is(none.stderr, '');
	for (const args of [[], ['!!'], ['socket', '--limit', '0'], ['socket', '--limit', 'x'], ['socket', '--limit']]) {
		const result = await search(t, folder, args);
		t.is(result.status, 2, args.join(' '));
		t.regex(result.stderr, /^folio: .+\n$/);
	}
});

test('--limit caps the number of articles', async t => {
	const hits = await searchJson(t, writeLibrary(t, library), ['socket', '--limit', '1']);
	t.deepEqual([...new Set(hits.map(hit => hit.id))], ['sockets']);
});

test('a stale index is brought up to date: changed, added and removed files are re-read', async t => {
	const folder = writeLibrary(t, library);
	const state = temporaryFolder(t, 'folio-state-');
	t.is((await search(t, folder, ['endpoint'], state)).status, 0);
	writeFileSync(path.join(folder, 'sockets.md'), '# Sockets\n\nA socket is a plug.\n');
	const past = new Date(Date.now() - 60_000);
	utimesSync(path.join(folder, 'sockets.md'), past, past);
	writeFileSync(path.join(folder, 'new.md'), '# New\n\nAn endpoint again.\n');
	const after = await searchJson(t, folder, ['endpoint'], state);
	t.deepEqual(after.map(hit => hit.id), ['new']);
	t.is((await search(t, folder, ['plug'], state)).status, 0);
	writeFileSync(path.join(folder, 'new.md'), '');
	t.is((await search(t, folder, ['endpoint'], state)).status, 1);
});

function indexFileOf(stateDir: string, folder: string): string {
	const cache = path.join(stateDir, 'cache', 'folio');
	const file = readdirSync(cache).map(name => path.join(cache, name)).find(name => path.basename(name).startsWith('search-') && readFileSync(name, 'utf8').includes(JSON.stringify(folder)));
	if (!file) {
		throw new Error(`no search index for ${folder}`);
	}

	return file;
}

test('a corrupt index file is rebuilt, never trusted, and written with mode 0600', async t => {
	const folder = writeLibrary(t, library);
	const state = temporaryFolder(t, 'folio-state-');
	await search(t, folder, ['socket'], state);
	const file = indexFileOf(state, folder);
	const broken = [
		'{"format":"folio-search-index","version":1',
		'\u001B]0;pwned\u0007',
		JSON.stringify({format: 'folio-search-index', version: 2, library: folder, files: {'sockets.md': [1, 1, 1]}, documents: {}, shards: []}) + '\n',
		readFileSync(file, 'utf8').replace('"documentCount":3', '"documentCount":2'),
		readFileSync(file, 'utf8').replace(/"endpoint",\{/, '"endpoint",7,{'),
		readFileSync(file, 'utf8').replace(/"shards":\[\["(.)",0,\d+\]/, '"shards":[["$1",0,99999999]'),
	];
	for (const content of broken) {
		t.not(content, readFileSync(file, 'utf8'));
		writeFileSync(file, content);
		chmodSync(file, 0o644);
		const hits = await searchJson(t, folder, ['endpoint'], state);
		t.deepEqual(hits.map(hit => hit.id), ['sockets']);
		t.is(statSync(file).mode & 0o777, 0o600);
		t.true(readFileSync(file, 'utf8').startsWith('{"format":"folio-search-index"'));
	}
});

test('the index of another library is not trusted, even for files of the same name, size and mtime', async t => {
	const mine = writeLibrary(t, {'a.md': '# A\n\nalpha words.\n'});
	const theirs = writeLibrary(t, {'a.md': '# A\n\nomega words.\n'});
	const time = new Date('2026-01-01T00:00:00Z');
	utimesSync(path.join(mine, 'a.md'), time, time);
	utimesSync(path.join(theirs, 'a.md'), time, time);
	const state = temporaryFolder(t, 'folio-state-');
	await search(t, mine, ['alpha'], state);
	await search(t, theirs, ['omega'], state);
	writeFileSync(indexFileOf(state, mine), readFileSync(indexFileOf(state, theirs)));
	const hits = await searchJson(t, mine, ['alpha'], state);
	t.deepEqual(hits.map(hit => hit.id), ['a']);
});
