import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import test from 'ava';
import fc from 'fast-check';
import {catCommand} from '../../source/commands/cat.js';
import type {CommandContext} from '../../source/commands/context.js';
import {listCommand} from '../../source/commands/list.js';
import {tocCommand} from '../../source/commands/toc.js';
import {FolioError} from '../../source/core/errors.js';
import {document, frontMatter} from '../helpers/hostile.js';

// C0 controls but tab and newline, DEL and C1: none may reach a terminal or a JSON string.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Run a command in-process and collect what it writes. */
async function run(command: (context: CommandContext) => Promise<number>, folder: string, isTTY = false): Promise<{stdout: string; stderr: string}> {
	const stdout = Object.assign(new PassThrough(), {isTTY, columns: 80});
	const stderr = new PassThrough();
	const chunks: string[] = [];
	const errors: string[] = [];
	stdout.on('data', chunk => chunks.push(String(chunk)));
	stderr.on('data', chunk => errors.push(String(chunk)));
	const context: CommandContext = {stdout, stderr, env: {FOLIO_STATE_DIR: path.join(folder, 'state'), XDG_CACHE_HOME: path.join(folder, 'cache')}, libraryFolder: folder};
	try {
		await command(context);
	} catch (error) {
		// A refusal (a NUL byte makes the file binary) is an answer too: its line is checked like output.
		if (!(error instanceof FolioError)) {
			throw error;
		}

		errors.push(error.message);
	}

	return {stdout: chunks.join(''), stderr: errors.join('')};
}

/** Every string inside a JSON value, keys included. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') {
		return [value];
	}

	if (Array.isArray(value)) {
		return value.flatMap(item => strings(item));
	}

	return value && typeof value === 'object' ? Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)]) : [];
}

test('for any document, no output mode lets a control character or foreign escape through', async t => {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-property-'));
	const file = path.join(folder, 'hostile.md');
	try {
		await fc.assert(fc.asyncProperty(frontMatter, document, async (head, body) => {
			writeFileSync(file, head + body);
			for (const format of ['plain', 'markdown']) {
				const {stdout, stderr} = await run(context => catCommand(context, {article: file, sections: [], format, width: 60}), folder);
				if (controls.test(stdout) || controls.test(stderr)) {
					throw new Error(`cat --format ${format}: ${JSON.stringify(stdout + stderr)}`);
				}
			}

			const ansi = await run(context => catCommand(context, {article: file, sections: [], format: 'ansi', width: 60, color: true}), folder);
			// eslint-disable-next-line no-control-regex
			if (controls.test(ansi.stdout.replace(/\u001B\[[\d;]*m/g, ''))) {
				throw new Error(`cat --format ansi: ${JSON.stringify(ansi.stdout)}`);
			}

			for (const json of [
				(await run(context => catCommand(context, {article: file, sections: [], format: 'json', width: 60}), folder)).stdout,
				(await run(context => tocCommand(context, {article: file, json: true, width: 60}), folder)).stdout,
				(await run(context => listCommand(context, {json: true}), folder)).stdout,
			].filter(output => output !== '')) {
				const bad = strings(JSON.parse(json)).find(text => controls.test(text));
				if (bad !== undefined) {
					throw new Error(`JSON string with a control character: ${JSON.stringify(bad)}`);
				}
			}

			const lists = [await run(context => listCommand(context, {json: false}), folder), await run(context => tocCommand(context, {article: file, json: false}), folder)];
			for (const {stdout, stderr} of lists) {
				if (controls.test(stdout) || controls.test(stderr)) {
					throw new Error(`list or toc: ${JSON.stringify(stdout + stderr)}`);
				}
			}
		}), {numRuns: 60});
		t.pass();
	} finally {
		rmSync(folder, {recursive: true, force: true});
	}
});
