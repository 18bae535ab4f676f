import test, {type ExecutionContext} from 'ava';
import {runFolio, writeLibrary} from '../helpers/cli.js';

const source = '# Links\n\nRead [the site](https://example.com/a) or [mail](mailto:x@example.com).\n';
const hyperlink = '\u001B]8;;https://example.com/a\u0007';

async function cat(t: ExecutionContext, args: string[], env: Record<string, string | undefined> = {}) {
	const library = writeLibrary(t, {'links.md': source});
	const result = await runFolio(t, ['cat', 'links', '--dir', library, ...args], {env: {FORCE_HYPERLINK: undefined, ...env}});
	t.is(result.status, 0, result.stderr);
	return result.stdout;
}

test('cat --hyperlinks draws web and mail links as OSC 8 hyperlinks without repeating the URL', async t => {
	const output = await cat(t, ['--format', 'ansi', '--hyperlinks']);
	t.true(output.includes(hyperlink));
	t.true(output.includes('\u001B]8;;mailto:x@example.com\u0007'));
	t.false(output.includes('(https://example.com/a)'));
});

test('FORCE_HYPERLINK=1 turns them on in a pipe, =0 off, and --no-hyperlinks wins over it', async t => {
	t.true((await cat(t, ['--format', 'ansi'], {FORCE_HYPERLINK: '1'})).includes(hyperlink));
	t.false((await cat(t, ['--format', 'ansi'], {FORCE_HYPERLINK: '0'})).includes('\u001B]8'));
	t.false((await cat(t, ['--format', 'ansi', '--no-hyperlinks'], {FORCE_HYPERLINK: '1'})).includes('\u001B]8'));
});

test('a pipe without FORCE_HYPERLINK gets the URL after the text, and plain never gets hyperlinks', async t => {
	const piped = await cat(t, ['--format', 'ansi']);
	t.false(piped.includes('\u001B]8'));
	t.true(piped.includes('https://example.com/a'));
	const plain = await cat(t, ['--format', 'plain', '--hyperlinks'], {FORCE_HYPERLINK: '1'});
	t.false(plain.includes('\u001B'));
	t.true(plain.includes('the site (https://example.com/a)'));
});
