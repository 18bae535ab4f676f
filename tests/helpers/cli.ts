import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/** The built CLI; `npm run build` makes it. `FOLIO_TEST_CLI` points the tests at another build. */
export const cliPath = path.resolve(process.env.FOLIO_TEST_CLI ?? 'dist/cli.js');

/** The bundled library. */
export const articlesFolder = path.resolve('articles');

/** The committed fixtures. */
export const fixturesFolder = path.resolve('tests/fixtures');

/** Path of a committed fixture file. */
export function fixture(name: string): string {
	return path.join(fixturesFolder, name);
}

export type RunOptions = {
	/** Extra environment; `undefined` removes a variable. */
	env?: Record<string, string | undefined>;
	/** Bytes or text written to stdin (stdin is closed either way). */
	input?: string | Buffer;
	cwd?: string;
	/** @default 20_000 */
	timeout?: number;
	/** State folder to share between runs of one test; a fresh one is made when missing. */
	stateDir?: string;
};

export type RunResult = {
	stdout: string;
	stderr: string;
	/** Exit status, or null when a signal (or the timeout) ended the process. */
	status: number | null;
	signal: NodeJS.Signals | null;
	/** True when the process was killed for running past `timeout`. */
	timedOut: boolean;
	/** Milliseconds from spawn to exit. */
	elapsed: number;
};

type Teardown = {teardown(fn: () => void): void};

/** A fresh folder under the system temp folder, removed when the test ends. */
export function temporaryFolder(t: Teardown, prefix = 'folio-cli-'): string {
	const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
	t.teardown(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

/**
 * Write files (paths relative to the folder, `/`-separated) into a fresh temporary folder.
 * Returns the folder.
 */
export function writeLibrary(t: Teardown, files: Record<string, string | Buffer>): string {
	const folder = temporaryFolder(t, 'folio-library-');
	for (const [name, content] of Object.entries(files)) {
		const file = path.join(folder, ...name.split('/'));
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, content);
	}

	return folder;
}

/**
 * The environment a test's folio runs in: the parent's, without the variables that change
 * folio's output, with `FOLIO_STATE_DIR`, the catalog cache (`XDG_CACHE_HOME`) and the settings
 * (`XDG_CONFIG_HOME/folio/config.json`) in `stateDir`.
 */
export function cliEnvironment(stateDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['FOLIO_DIR', 'FOLIO_PROFILE', 'FOLIO_CONFIG_DIR', 'FOLIO_MAX_BYTES', 'FOLIO_DEBUG', 'NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS']) {
		delete environment[name];
	}

	environment.FOLIO_STATE_DIR = stateDir;
	environment.XDG_CACHE_HOME = path.join(stateDir, 'cache');
	environment.XDG_CONFIG_HOME = path.join(stateDir, 'config');
	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined) {
			delete environment[name];
		} else {
			environment[name] = value;
		}
	}

	return environment;
}

function assertBuilt(): void {
	if (!existsSync(cliPath)) {
		throw new Error(`${cliPath} is missing: run npm run build first`);
	}
}

/**
 * Run `node dist/cli.js ...args` with stdout and stderr piped, a fresh state folder and a timeout.
 * Never rejects: a timeout shows as `timedOut`.
 */
export async function runFolio(t: Teardown, args: string[], options: RunOptions = {}): Promise<RunResult> {
	return runProcess(t, process.execPath, [cliPath, ...args], options);
}

/**
 * Run `bash -c script` with the same environment rules as `runFolio`. The script can call
 * `folio ...`, a shell function that runs the built CLI.
 */
export async function runShell(t: Teardown, script: string, options: RunOptions = {}): Promise<RunResult> {
	const prelude = `folio() { ${quote(process.execPath)} ${quote(cliPath)} "$@"; }\n`;
	return runProcess(t, 'bash', ['-c', prelude + script], options);
}

// Spawns at once per test worker: enough to keep two cores busy without thrashing them.
const maxRunning = Math.max(2, os.availableParallelism());
let running = 0;
const waiting: Array<() => void> = [];

async function runProcess(t: Teardown, command: string, args: string[], options: RunOptions): Promise<RunResult> {
	assertBuilt();
	const env = cliEnvironment(options.stateDir ?? temporaryFolder(t, 'folio-state-'), options.env);
	if (running >= maxRunning) {
		await new Promise<void>(resolve => {
			waiting.push(resolve);
		});
	}

	running++;
	try {
		return await spawnAndCollect(command, args, env, options);
	} finally {
		running--;
		waiting.shift()?.();
	}
}

async function spawnAndCollect(command: string, args: string[], env: NodeJS.ProcessEnv, options: RunOptions): Promise<RunResult> {
	const timeout = options.timeout ?? 20_000;
	const started = Date.now();
	return new Promise(resolve => {
		// Its own process group, so a timeout ends a whole shell pipeline.
		const child = spawn(command, args, {cwd: options.cwd ?? process.cwd(), env, stdio: ['pipe', 'pipe', 'pipe'], detached: true});
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				child.kill('SIGKILL');
			}
		}, timeout);
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		child.stdin.on('error', () => {
			// The CLI may exit before reading its input.
		});
		child.stdin.end(options.input);
		child.on('close', (status, signal) => {
			clearTimeout(timer);
			resolve({
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
				status,
				signal,
				timedOut,
				elapsed: Date.now() - started,
			});
		});
	});
}

/** Quote a word for bash. */
export function quote(word: string): string {
	return `'${word.replace(/'/g, `'\\''`)}'`;
}

// eslint-disable-next-line no-control-regex
const sgr = /\u001B\[[\d;]*m/g;

/** Remove SGR styling (the only escape sequences folio may print). */
export function stripSgr(text: string): string {
	return text.replace(sgr, '');
}

/** Output lines without the final newline's empty piece. */
export function outputLines(text: string): string[] {
	const lines = text.split('\n');
	if (lines.at(-1) === '') {
		lines.pop();
	}

	return lines;
}
