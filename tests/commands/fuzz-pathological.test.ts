import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {Writable} from 'node:stream';
import test from 'ava';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {catCommand} from '../../source/commands/cat.js';
import {tocCommand} from '../../source/commands/toc.js';
import type {CommandContext} from '../../source/commands/context.js';
import {stripSgr, temporaryFolder} from '../helpers/cli.js';

/** A stream that keeps what is written to it. */
class Collect extends Writable {
	text = '';
	override _write(chunk: Buffer, _encoding: string, done: () => void): void {
		this.text += chunk.toString();
		done();
	}
}

const marker = fc.constantFrom('- ', '* ', '> ', '1. ', '+ ', '  ', '    ', '\t');
const inline = fc.constantFrom('*a ', '_b_', '**', '`c`', '[x](', '](y)', '&Tab;', '&#8203;', '&#27;[2J', '\u001B]0;t\u0007', '\u200F', '\uDB40\uDC41', '\u2028', '<b>', '|', '\\', '#', ':tada:', '中文', '👩‍👩‍👧', ' '.repeat(300), 'word ');
// Mixed container markers, or one marker repeated up to 1,500 times (deep nesting on one line).
const markers = fc.oneof(
	fc.array(marker, {maxLength: 40}),
	fc.tuple(fc.constantFrom('- ', '> ', '* ', '1. '), fc.integer({min: 0, max: 1500})).map(([one, count]) => Array.from({length: count}, () => one)),
);
const line = fc.tuple(
	markers,
	fc.constantFrom('', '# ', '## ', '###### ', '```', '~~~', '---', '| a | b |', '|---|---|'),
	fc.array(inline, {maxLength: 60}),
).map(([markers, head, parts]) => markers.join('') + head + parts.join(''));
const body = fc.array(line, {maxLength: 40}).map(lines => lines.join('\n'));
const frontMatter = fc.option(fc.tuple(fc.constantFrom('&a "v"', '"\u001B[31mred"', '[*a, *a]', '|\n  block', '{x: 1}', '"' + 'z'.repeat(3000) + '"'), fc.nat(300)).map(([value, repeat]) => `---\ntitle: &a ${value}\ntags: [${Array.from({length: repeat}, () => '*a').join(', ')}]\nsummary: *a\n---\n`), {nil: ''});

// eslint-disable-next-line no-control-regex
const notSgrEscape = /\u001B(?!\[[\d;]*m)|[\u0000-\u0008\u000B-\u001A\u001C-\u001F\u007F-\u009F]/;

test('pathological nesting, emphasis, spaces, entities and front matter: cat and toc finish, fit the width and emit only SGR', async t => {
	t.timeout(240_000, 'a generous bound: before the input guard one case could take minutes');
	const folder = temporaryFolder(t);
	let cases = 0;
	await fc.assert(fc.asyncProperty(frontMatter, body, fc.integer({min: 20, max: 100}), async (head, text, width) => {
		const file = path.join(folder, `case-${cases++}.md`);
		writeFileSync(file, head + text);
		for (const format of ['plain', 'ansi'] as const) {
			const stdout = new Collect();
			const stderr = new Collect();
			const context: CommandContext = {stdout, stderr, env: {}, libraryFolder: folder};
			const started = Date.now();
			const status = await catCommand(context, {article: file, sections: [], format, width});
			await tocCommand({...context, stdout: new Collect()}, {article: file, json: false, width});
			const elapsed = Date.now() - started;
			if (status !== 0 || elapsed > 15_000 || notSgrEscape.test(stdout.text) || notSgrEscape.test(stderr.text) || /\n\s+at /.test(stderr.text)) {
				return false;
			}

			const tooWide = stripSgr(stdout.text).split('\n').filter(row => stringWidth(row) > width);
			if (tooWide.length > 0) {
				throw new Error(`${format} at ${width}: a line is ${stringWidth(tooWide[0])} columns: ${JSON.stringify(tooWide[0].slice(0, 120))}`);
			}
		}

		return true;
	}), {numRuns: 25});
	t.log(`${cases} documents`);
	t.pass();
});
