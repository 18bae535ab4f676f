import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {parseArticle, readSearchable} from '../../../source/core/article/article.js';
import {searchDocument} from '../../../source/core/search/document.js';
import {createEngine, findCandidates} from '../../../source/core/search/engine.js';
import {parseQuery} from '../../../source/core/search/query.js';

const article = (id: string, text: string) => searchDocument(id, readSearchable(text, {kind: 'library', id, path: `/lib/${id}.md`}));

function ids(texts: Record<string, string>, query: string): string[] {
	const engine = createEngine();
	engine.addAll(Object.entries(texts).map(([id, text]) => article(id, text)));
	return findCandidates(engine, parseQuery(query)).map(candidate => candidate.id);
}

const filler = 'Plain words about nothing much, said once and then again for length. ';

test('a match in the title ranks above the same match in the body', t => {
	t.deepEqual(ids({
		body: `---\ntitle: Notes\n---\n\n${filler}The socket opens.\n`,
		title: `---\ntitle: Socket basics\n---\n\n${filler}It opens.\n`,
	}, 'socket'), ['title', 'body']);
});

test('a match in a heading ranks above the same match in the body', t => {
	t.deepEqual(ids({
		body: `# Notes\n\n${filler}\n\n## More\n\nA buffer fills.\n`,
		heading: `# Notes\n\n${filler}\n\n## Buffer\n\nIt fills.\n`,
	}, 'buffer'), ['heading', 'body']);
});

test('more mentions in a shorter text rank higher (BM25)', t => {
	t.deepEqual(ids({
		once: `# A\n\n${filler.repeat(5)}cache\n`,
		often: `# B\n\ncache cache cache ${filler}\n`,
	}, 'cache'), ['often', 'once']);
});

test('every word must match: words are ANDed', t => {
	t.deepEqual(ids({both: '# A\n\nred apple\n', one: '# B\n\nred pepper\n'}, 'red apple'), ['both']);
});

test('a word finds the words it begins: sock finds socket', t => {
	t.deepEqual(ids({a: '# A\n\nWeb sockets.\n', b: '# B\n\nShoe.\n'}, 'sock'), ['a']);
});

test('folded words are found from either spelling', t => {
	t.deepEqual(ids({a: '# A\n\nUn café crème.\n', b: '# B\n\nTea.\n'}, 'CAFE creme'), ['a']);
});

test('the index holds title, tags and summary but no front matter key or other value', t => {
	const document = article('a', '---\ntitle: Alpha\ncategory: Zebra\ntags: [one, two]\nsummary: A short note.\n---\n\nBody text.\n');
	t.is(document.title, 'Alpha');
	t.is(document.tags, 'one two');
	t.is(document.summary, 'A short note.');
	t.false(JSON.stringify(document).includes('category'));
	t.false(JSON.stringify(document).includes('Zebra'));
});

test('HTML comments, tags and link targets are not indexed; code is', t => {
	const document = article('a', '# A\n\nSee [the guide](https://hidden.example/secret) now.<!-- a private remark -->\n\n<div class="boxed">Boxed</div>\n\n<!--\nmany\nlines\n-->\n\n```js\nconst visibleCode = 1;\n```\n');
	t.regex(document.body, /the guide/);
	t.regex(document.body, /visibleCode/);
	t.regex(document.body, /Boxed/);
	for (const hidden of ['hidden', 'secret', 'private', 'many', 'boxed"', 'class']) {
		t.false(document.body.includes(hidden), hidden);
	}
});

test('the index reads an article as the reader parses it: the same title, tags, summary, headings and body', t => {
	const folder = path.resolve('articles');
	const files = readdirSync(folder, {recursive: true, withFileTypes: true}).filter(entry => entry.isFile() && entry.name.endsWith('.md')).map(entry => path.join(entry.parentPath, entry.name));
	t.true(files.length > 5);
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		const origin = {kind: 'library', id: path.basename(file, '.md'), path: file} as const;
		const parsed = parseArticle(text, origin);
		t.deepEqual(searchDocument(file, readSearchable(text, origin)), searchDocument(file, {...parsed, sections: parsed.outline.sections}), file);
	}

	// An article without a title in its front matter takes its first top-level heading, then its file name.
	t.is(readSearchable('Intro\n\n## Part\n\n# Real title\n', {kind: 'library', id: 'x', path: '/lib/x.md'}).title, 'Real title');
	t.is(readSearchable('no headings', {kind: 'library', id: 'x', path: '/lib/notes.md'}).title, 'notes');
});
