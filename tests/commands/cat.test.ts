import {readFileSync} from 'node:fs';
import test from 'ava';
import {fixture, outputLines, quote, runFolio, runShell, stripSgr, temporaryFolder, writeLibrary} from '../helpers/cli.js';

// eslint-disable-next-line no-control-regex
const sgrSequence = /\u001B\[[\d;]*m/;
const sectionsSource = readFileSync(fixture('sections.md'), 'utf8');
const sectionsBody = sectionsSource.slice(sectionsSource.indexOf('---\n', 4) + 4);

function sectionsLibrary(t: Parameters<typeof writeLibrary>[0]): string {
	return writeLibrary(t, {'sections.md': sectionsSource});
}

test('cat prints plain text when piped, headings prefixed with their #s', async t => {
	const result = await runFolio(t, ['cat', fixture('sections.md')]);
	t.is(result.status, 0);
	t.is(result.stderr, '');
	t.is(result.stdout, [
		'# Sections fixture', '', 'Top text.', '',
		'## Install', '', 'Install text.', '',
		'### From npm', '', 'Run npm install.', '',
		'### From source', '', 'Clone the repository.', '',
		'## Usage', '', 'Usage text.', '',
		'## Examples', '', 'First examples.', '',
		'## Examples', '', 'Second examples.', '',
	].join('\n'));
});

test('cat with no --format in a pipe is --format plain', async t => {
	const [piped, plain] = await Promise.all([
		runFolio(t, ['cat', 'guides/keys']),
		runFolio(t, ['cat', 'guides/keys', '--format', 'plain']),
	]);
	t.is(piped.status, 0);
	t.is(piped.stdout, plain.stdout);
	t.false(piped.stdout.includes('\u001B'));
});

test('--format ansi styles the text with SGR sequences around the same words', async t => {
	const [ansi, plain] = await Promise.all([
		runFolio(t, ['cat', fixture('sections.md'), '--format', 'ansi']),
		runFolio(t, ['cat', fixture('sections.md'), '--format', 'plain']),
	]);
	t.is(ansi.status, 0);
	t.regex(ansi.stdout, sgrSequence);
	t.is(stripSgr(ansi.stdout), plain.stdout);
});

test('--color colours output even in a pipe', async t => {
	const result = await runFolio(t, ['cat', 'guides/keys', '--color']);
	t.is(result.status, 0);
	t.regex(result.stdout, sgrSequence);
});

test('--format plain stays plain with --color', async t => {
	const [colored, plain] = await Promise.all([
		runFolio(t, ['cat', 'guides/keys', '--format', 'plain', '--color']),
		runFolio(t, ['cat', 'guides/keys', '--format', 'plain']),
	]);
	t.is(colored.status, 0);
	t.is(colored.stdout, plain.stdout);
});

test('NO_COLOR=1 turns --format ansi into plain text', async t => {
	const [ansi, plain] = await Promise.all([
		runFolio(t, ['cat', 'guides/keys', '--format', 'ansi'], {env: {NO_COLOR: '1'}}),
		runFolio(t, ['cat', 'guides/keys', '--format', 'plain']),
	]);
	t.is(ansi.status, 0);
	t.is(ansi.stdout, plain.stdout);
});

test('--section prints that section and its sub-sections only, found by slug', async t => {
	const result = await runFolio(t, ['cat', fixture('sections.md'), '--section', 'install']);
	t.is(result.status, 0);
	t.is(result.stdout, '## Install\n\nInstall text.\n\n### From npm\n\nRun npm install.\n\n### From source\n\nClone the repository.\n');
});

test('--section finds a section by its title, ignoring case', async t => {
	const result = await runFolio(t, ['cat', fixture('sections.md'), '--section', 'FROM NPM']);
	t.is(result.status, 0);
	t.is(result.stdout, '### From npm\n\nRun npm install.\n');
});

test('--section repeats, and numbered slugs pick a repeated heading', async t => {
	const result = await runFolio(t, ['cat', fixture('sections.md'), '--section', 'usage', '--section', 'examples-1']);
	t.is(result.status, 0);
	t.is(result.stdout, '## Usage\n\nUsage text.\n\n## Examples\n\nSecond examples.\n');
});

test('--format markdown prints the source without its front matter', async t => {
	const result = await runFolio(t, ['cat', fixture('sections.md'), '--format', 'markdown']);
	t.is(result.status, 0);
	t.is(result.stdout, sectionsBody);
});

test('--format markdown with --section prints the section\'s source', async t => {
	const result = await runFolio(t, ['cat', fixture('sections.md'), '--format', 'markdown', '--section', 'install']);
	t.is(result.status, 0);
	t.is(result.stdout, '## Install\n\nInstall text.\n\n### From npm\n\nRun npm install.\n\n### From source\n\nClone the repository.\n');
});

test('--format json gives the details and every section with its text', async t => {
	const library = sectionsLibrary(t);
	const result = await runFolio(t, ['--dir', library, 'cat', 'sections', '--format', 'json']);
	t.is(result.status, 0);
	t.is(result.stderr, '');
	const article = JSON.parse(result.stdout) as Record<string, unknown>;
	t.true(Number.isInteger(article.words) && (article.words as number) > 0);
	t.deepEqual(article, {
		id: 'sections',
		title: 'Sections fixture',
		date: '2026-02-03',
		category: 'Fixtures',
		tags: ['one', 'two'],
		summary: 'Sections, sub-sections and repeated headings.',
		words: article.words,
		minutes: 1,
		sections: [
			{slug: 'sections-fixture', title: 'Sections fixture', depth: 1, text: 'Top text.'},
			{slug: 'install', title: 'Install', depth: 2, text: 'Install text.'},
			{slug: 'from-npm', title: 'From npm', depth: 3, text: 'Run npm install.'},
			{slug: 'from-source', title: 'From source', depth: 3, text: 'Clone the repository.'},
			{slug: 'usage', title: 'Usage', depth: 2, text: 'Usage text.'},
			{slug: 'examples', title: 'Examples', depth: 2, text: 'First examples.'},
			{slug: 'examples-1', title: 'Examples', depth: 2, text: 'Second examples.'},
		],
	});
});

test('--format json with --section keeps only those sections', async t => {
	const result = await runFolio(t, ['cat', fixture('sections.md'), '--format', 'json', '--section', 'Install']);
	t.is(result.status, 0);
	const article = JSON.parse(result.stdout) as {sections: Array<{slug: string}>};
	t.deepEqual(article.sections.map(section => section.slug), ['install', 'from-npm', 'from-source']);
});

test('json words and minutes match list --json', async t => {
	const library = sectionsLibrary(t);
	const [cat, list] = await Promise.all([
		runFolio(t, ['--dir', library, 'cat', 'sections', '--format', 'json']),
		runFolio(t, ['--dir', library, 'list', '--json']),
	]);
	const article = JSON.parse(cat.stdout) as {words: number; minutes: number};
	const [row] = JSON.parse(list.stdout) as Array<{words: number; minutes: number}>;
	t.deepEqual([article.words, article.minutes], [row.words, row.minutes]);
});

test('an article can be a library id, a path to a .md file, or - for stdin', async t => {
	const path = 'articles/guides/keys.md';
	const [byId, byPath, byStdin] = await Promise.all([
		runFolio(t, ['cat', 'guides/keys']),
		runFolio(t, ['cat', path]),
		runFolio(t, ['cat', '-'], {input: readFileSync(path)}),
	]);
	t.deepEqual([byId.status, byPath.status, byStdin.status], [0, 0, 0]);
	t.true(byId.stdout.length > 1000);
	t.is(byPath.stdout, byId.stdout);
	t.is(byStdin.stdout, byId.stdout);
});

test('a shell pipe into folio - reads the article from stdin', async t => {
	const [piped, direct] = await Promise.all([
		runShell(t, `cat ${quote(fixture('sections.md'))} | folio -`),
		runFolio(t, ['cat', fixture('sections.md')]),
	]);
	t.is(piped.status, 0);
	t.is(piped.stderr, '');
	t.is(piped.stdout, direct.stdout);
});

test('folio ARTICLE in a pipe behaves like folio cat ARTICLE', async t => {
	const [bare, cat] = await Promise.all([
		runFolio(t, ['guides/keys', '--width', '40', '--section', 'tips-1']),
		runFolio(t, ['cat', 'guides/keys', '--width', '40', '--section', 'tips-1']),
	]);
	t.is(bare.status, 0);
	t.is(bare.stderr, '');
	t.true(bare.stdout.startsWith('### Tips\n'));
	t.is(bare.stdout, cat.stdout);
});

test('the title falls back to the first H1, then the file name', async t => {
	const library = writeLibrary(t, {
		'headed.md': 'Intro.\n\n## Second level first\n\n# The H1\n\n# Another H1\n',
		'plain-notes.md': 'Nothing but text.\n\n## Only a second level\n',
	});
	const [headed, untitled] = await Promise.all([
		runFolio(t, ['--dir', library, 'cat', 'headed', '--format', 'json']),
		runFolio(t, ['--dir', library, 'cat', 'plain-notes', '--format', 'json']),
	]);
	t.is((JSON.parse(headed.stdout) as {title: string}).title, 'The H1');
	t.is((JSON.parse(untitled.stdout) as {title: string}).title, 'plain-notes');
});

test('a broken front matter block is one warning and is shown as text', async t => {
	const library = writeLibrary(t, {
		'broken.md': '---\ntitle: [unclosed\nsummary: fine\n---\n\n# Body heading\n\nBody text.\n',
		'unclosed.md': '---\ntitle: never closed\n\n# Body heading\n\nBody text.\n',
	});
	for (const id of ['broken', 'unclosed']) {
		const result = await runFolio(t, ['--dir', library, 'cat', id]);
		t.is(result.status, 0, id);
		const warnings = outputLines(result.stderr);
		t.is(warnings.length, 1, id);
		t.true(warnings[0].startsWith('folio: warning:'), warnings[0]);
		t.true(result.stdout.includes('title:'), id);
		t.true(result.stdout.includes('# Body heading\n\nBody text.\n'), id);
	}
});

test('a CRLF file reads exactly like its LF version in every format', async t => {
	const lf = readFileSync(fixture('international.md'), 'utf8');
	const library = writeLibrary(t, {'lf.md': lf, 'crlf.md': lf.replace(/\n/g, '\r\n')});
	const variants = [
		['cat', '--format', 'plain', '--width', '33'],
		['cat', '--format', 'ansi', '--color'],
		['cat', '--format', 'markdown'],
		['cat', '--format', 'json'],
		['toc', '--json', '--width', '20'],
	];
	for (const [command, ...flags] of variants) {
		const [a, b] = await Promise.all([
			runFolio(t, ['--dir', library, command, 'lf', ...flags]),
			runFolio(t, ['--dir', library, command, 'crlf', ...flags]),
		]);
		t.is(a.status, 0);
		t.is(b.stderr, '');
		t.is(b.stdout.replaceAll('"id": "crlf"', '"id": "lf"'), a.stdout, flags.join(' '));
		t.false(b.stdout.includes('\r'));
	}
});

test('a UTF-8 byte order mark is ignored, front matter included', async t => {
	const library = writeLibrary(t, {'bom.md': `\uFEFF${sectionsSource}`, 'sections.md': sectionsSource});
	const [bom, plain] = await Promise.all([
		runFolio(t, ['--dir', library, 'cat', 'bom', '--format', 'json']),
		runFolio(t, ['--dir', library, 'cat', 'sections', '--format', 'json']),
	]);
	t.is(bom.status, 0);
	t.is(bom.stderr, '');
	t.is(bom.stdout.replace('"id": "bom"', '"id": "sections"'), plain.stdout);
	const markdown = await runFolio(t, ['--dir', library, 'cat', 'bom', '--format', 'markdown']);
	t.is(markdown.stdout, sectionsBody);
});

test('an empty file and a file with only front matter read without error', async t => {
	const library = writeLibrary(t, {'empty.md': '', 'only.md': '---\ntitle: Only front matter\ntags: [a]\n---\n'});
	for (const id of ['empty', 'only']) {
		for (const format of ['plain', 'ansi', 'markdown']) {
			const result = await runFolio(t, ['--dir', library, 'cat', id, '--format', format]);
			t.deepEqual([result.status, result.stderr], [0, ''], `${id} ${format}`);
			t.is(result.stdout.trim(), '', `${id} ${format}`);
		}
	}

	const json = await runFolio(t, ['--dir', library, 'cat', 'only', '--format', 'json']);
	t.is(json.status, 0);
	t.like(JSON.parse(json.stdout), {id: 'only', title: 'Only front matter', tags: ['a'], sections: []});
	const list = await runFolio(t, ['--dir', library, 'list']);
	t.is(list.status, 0);
	t.deepEqual(outputLines(list.stdout).map(line => line.split('\t').slice(0, 2)), [['empty', 'empty'], ['only', 'Only front matter']]);
});

test('--dir beats FOLIO_DIR, which beats the bundled library', async t => {
	const first = writeLibrary(t, {'note.md': '# From FOLIO_DIR\n'});
	const second = writeLibrary(t, {'note.md': '# From --dir\n'});
	const [environment, flag, bundled] = await Promise.all([
		runFolio(t, ['cat', 'note'], {env: {FOLIO_DIR: first}}),
		runFolio(t, ['--dir', second, 'cat', 'note'], {env: {FOLIO_DIR: first}}),
		runFolio(t, ['cat', 'guides/keys'], {env: {FOLIO_DIR: ''}}),
	]);
	t.is(environment.stdout, '# From FOLIO_DIR\n');
	t.is(flag.stdout, '# From --dir\n');
	t.is(bundled.status, 0);
});

test('the bundled library is found from any working folder', async t => {
	const [elsewhere, here] = await Promise.all([
		runFolio(t, ['cat', 'guides/keys'], {cwd: temporaryFolder(t)}),
		runFolio(t, ['cat', 'guides/keys']),
	]);
	t.is(elsewhere.status, 0, elsewhere.stderr);
	t.is(elsewhere.stdout, here.stdout);
});

const referencesSource = '# Doc\n\n## A\n\nSee [x][] and [the y][Y], [inline](http://i) and a note[^n].\n\n### A1\n\nchild\n\n## B\n\n[x]: https://x.org\n[y]: https://y.org "Why"\n[z]: https://z.org\n\n[^n]: The note.\n';

test('--format markdown with --section appends the definitions and footnotes the section uses, and only those', async t => {
	const result = await runFolio(t, ['cat', '-', '--format', 'markdown', '--section', 'a'], {input: referencesSource});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout, '## A\n\nSee [x][] and [the y][Y], [inline](http://i) and a note[^n].\n\n### A1\n\nchild\n\n[x]: https://x.org\n[y]: https://y.org "Why"\n[^n]: The note.\n');
});

test('a section named twice, or inside another named section, is printed once in every format', async t => {
	const once = await runFolio(t, ['cat', '-', '--format', 'plain', '--section', 'a'], {input: referencesSource});
	for (const format of ['plain', 'markdown']) {
		const [single, repeated] = await Promise.all([
			runFolio(t, ['cat', '-', '--format', format, '--section', 'a'], {input: referencesSource}),
			runFolio(t, ['cat', '-', '--format', format, '--section', 'a1', '--section', 'a', '--section', 'A'], {input: referencesSource}),
		]);
		t.is(repeated.status, 0, repeated.stderr);
		t.is(repeated.stdout, single.stdout, format);
	}

	t.is(outputLines(once.stdout).filter(line => line === 'child').length, 1);
});

test('--section prints the footnotes it cites, once, even when the article cites them first elsewhere', async t => {
	const source = '# A\n\nFirst[^n].\n\n## B\n\nAgain[^n] and new[^m].\n\n## C\n\nOnce more[^n].\n\n[^n]: Note n.\n[^m]: Note m.\n';
	const result = await runFolio(t, ['cat', '-', '--format', 'plain', '--section', 'b', '--section', 'c'], {input: source});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout, '## B\n\nAgain[1] and new[2].\n\n[1] Note n.\n\n[2] Note m.\n\n## C\n\nOnce more[1].\n');
	const whole = await runFolio(t, ['cat', '-', '--format', 'plain'], {input: source});
	t.is(outputLines(whole.stdout).filter(line => line === '[1] Note n.').length, 1, 'the whole article lists each note once, after its first citation');
	t.true(whole.stdout.indexOf('[1] Note n.') < whole.stdout.indexOf('## B'));
	const json = await runFolio(t, ['cat', '-', '--format', 'json', '--section', 'b', '--section', 'c'], {input: source});
	t.deepEqual((JSON.parse(json.stdout) as {sections: Array<{text: string}>}).sections.map(section => section.text), ['Again[1] and new[2].\n\n[1] Note n.\n\n[2] Note m.', 'Once more[1].']);
});
