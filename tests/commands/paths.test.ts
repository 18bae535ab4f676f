import {symlinkSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {outputLines, runFolio, writeLibrary, type RunResult} from '../helpers/cli.js';

/** A project folder like folio's own: package and README files next to the `articles/` library. */
function project(t: ExecutionContext): string {
	return writeLibrary(t, {
		'package.md': '# Package secret\n',
		'README.md': '# Readme secret\n',
		'articles/a.md': '# A\n',
		'articles/guides/b.md': '# B\n',
	});
}

function assertRefused(t: ExecutionContext, result: RunResult): void {
	t.is(result.status, 1, result.stdout);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^folio: [^\n]+\n$/);
	t.false(result.stderr.includes('secret'));
}

test('an id cannot climb out of the bundled library', async t => {
	assertRefused(t, await runFolio(t, ['cat', '../package']));
	assertRefused(t, await runFolio(t, ['cat', 'guides/../../package']));
});

test('an id cannot climb out of a --dir library', async t => {
	const root = project(t);
	assertRefused(t, await runFolio(t, ['--dir', 'articles', 'cat', '../README'], {cwd: root}));
	assertRefused(t, await runFolio(t, ['--dir', 'articles', 'toc', '../package'], {cwd: root}));
	assertRefused(t, await runFolio(t, ['--dir', '.', 'cat', '../package'], {cwd: path.join(root, 'articles')}));
	assertRefused(t, await runFolio(t, ['--dir', 'articles', 'cat', 'guides/../../README'], {cwd: root}));
});

test('an id may be written with its .md ending', async t => {
	const root = project(t);
	const result = await runFolio(t, ['--dir', path.join(root, 'articles'), 'cat', 'guides/b.md']);
	t.is(result.status, 0);
	t.is(result.stdout, '# B\n');
});

test('a symbolic link pointing outside the library is not listed, and opening it by id says why', async t => {
	const root = project(t);
	const library = path.join(root, 'articles');
	symlinkSync(path.join(root, 'package.md'), path.join(library, 'escape.md'));
	symlinkSync(root, path.join(library, 'up'));
	const list = await runFolio(t, ['--dir', library, 'list']);
	t.is(list.status, 0);
	t.deepEqual(outputLines(list.stdout).map(line => line.split('\t')[0]), ['a', 'guides/b']);
	for (const line of outputLines(list.stderr)) {
		t.true(line.startsWith('folio: warning:'), line);
	}

	const opened = await runFolio(t, ['--dir', library, 'cat', 'escape']);
	assertRefused(t, opened);
	t.regex(opened.stderr, /outside/);
	assertRefused(t, await runFolio(t, ['--dir', library, 'cat', 'up/package']));
});
