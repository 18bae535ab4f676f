import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ArticleState} from '../../source/node/state/store.js';

const helpers = path.dirname(fileURLToPath(import.meta.url));

/** A fresh folder under the system temp folder, removed when the test ends. */
export function temporaryFolder(t: {teardown(fn: () => void): void}): string {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-store-'));
	t.teardown(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

/**
 * `count` articles (`article-0000` oldest ... ) read one minute apart, each with a position and
 * five sections, keyed by `prefix` + `guides/article-NNNN.md` (schema 2 keys are real paths).
 */
export function sampleArticles(count: number, prefix = '/library/'): Record<string, ArticleState> {
	const articles: Record<string, ArticleState> = {};
	const start = Date.parse('2025-01-01T00:00:00.000Z');
	for (let index = 0; index < count; index++) {
		const lastRead = new Date(start + (index * 60_000)).toISOString();
		articles[`${prefix}guides/article-${String(index).padStart(5, '0')}.md`] = {
			views: 1 + (index % 7),
			position: {slug: `section-${index % 12}`, fraction: 0.25, percent: 40, at: lastRead},
			lastRead,
			readSections: ['introduction', 'install', 'usage', 'key-bindings', 'reference'],
		};
	}

	return articles;
}

/** Write a state file in the schema 2 shape, as folio would. */
export function writeStateFile(file: string, articles: Record<string, ArticleState>): void {
	writeFileSync(file, JSON.stringify({articles, __internal__: {migrations: {version: '2.0.0'}}}));
}

/** Write a state file exactly as folio 0.1 (schema 1.0.0) did: library articles by bare id, files by real path. */
export function writeVersion1StateFile(file: string, articles: Record<string, ArticleState>): void {
	writeFileSync(file, JSON.stringify({articles, __internal__: {migrations: {version: '1.0.0'}}}));
}

/** Start `tests/helpers/NAME.ts` in its own node process, with tsx. */
export function spawnHelper(name: string, args: string[]): ChildProcess {
	return spawn(process.execPath, ['--import=tsx', path.join(helpers, `${name}.ts`), ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, FOLIO_STATE_DIR: '', FOLIO_PROFILE: ''},
	});
}

/** Everything the process printed, once it exits; rejects on a non-zero exit. */
export async function outputOf(child: ChildProcess): Promise<string> {
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const code = await new Promise<number | null>(resolve => {
		child.on('exit', resolve);
	});
	if (code !== 0) {
		throw new Error(`Expected the helper to exit with 0, got ${code}: ${stderr}`);
	}

	return stdout;
}

/** Resolve once the process prints `line` on stdout. */
export async function untilPrinted(child: ChildProcess, line: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		let seen = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			seen += chunk.toString();
			if (seen.includes(line)) {
				resolve();
			}
		});
		child.on('exit', code => {
			reject(new Error(`Expected the helper to print "${line}", but it exited with ${code}`));
		});
	});
}
