/**
 * Drive the built folio (`dist/cli.js`) inside a private tmux server, so end-to-end tests see
 * exactly what a user's terminal shows: the screen, the alternate buffer, the cursor, the title.
 *
 * Each session owns its tmux server (`tmux -L folio-<random>`) and its state folder, runs folio
 * as `node dist/cli.js ARGS; echo "EXIT=$?"; sleep 600` so the exit code and the restored main
 * screen stay visible after folio quits, and is torn down with `kill-server`.
 *
 * @example
 * const folio = await start(['guides/keys'], {t});
 * await folio.waitFor('Keys and navigation');
 * await folio.send(']');
 * await folio.waitFor(screen => readerScreen(screen).section === 'In the reader');
 */
import {execFile, execFileSync} from 'node:child_process';
import stringWidth from 'string-width';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {promisify} from 'node:util';

const run = promisify(execFile);

/** The repository root: tests run from it (`npx ava`). */
export const root = process.cwd();

/** The built entry point every session runs; `FOLIO_E2E_CLI` points at another build. */
export const cli = process.env.FOLIO_E2E_CLI || path.join(root, 'dist', 'cli.js');

/** The bundled library. */
export const articles = path.join(root, 'articles');

/** The reader's status line once it is reading (not searching): `NN%  ? help · q quit` at the right. */
export const readingStatus = /\d{1,3}%  \? help · q quit$/;

/** The exit line the pane's shell prints after folio ends. */
export const exitLine = /^EXIT=(\d+)$/m;

export type StartOptions = {
	/** Terminal columns. @default 100 */
	width?: number;
	/** Terminal rows. @default 30 */
	height?: number;
	/** Extra environment for folio (`FOLIO_STATE_DIR` is set unless given here). */
	env?: Record<string, string>;
	/** Reuse a state folder (to reopen an article); it is then not removed by `stop`. @default a fresh temporary folder */
	stateDir?: string;
	/** Pipe this file into folio's stdin (`cat FILE | node dist/cli.js ARGS`). */
	stdinFile?: string;
	/** An AVA context: `stop` is registered as its teardown, so cleanup runs even on failure. */
	t?: {teardown(fn: () => unknown): void};
};

export type Predicate = string | RegExp | ((screen: string) => boolean);

export type Session = {
	/** The tmux socket name (`tmux -L NAME`). */
	socket: string;
	/** The state folder folio was started with. */
	stateDir: string;
	width: number;
	height: number;
	/** tmux key names or single characters, each sent as one key (`Enter`, `C-c`, `j`, `PageDown`). */
	send(...keys: string[]): Promise<void>;
	/** Text sent literally in one write (`send-keys -l`), so folio may read it as one input chunk. */
	type(text: string): Promise<void>;
	/** The visible pane, one line per row, trailing spaces removed. */
	screen(): Promise<string>;
	/** Poll the pane every 50 ms until the predicate holds; returns the matching screen. */
	waitFor(predicate: Predicate, timeoutMs?: number): Promise<string>;
	/**
	 * Wait until the screen has stopped changing for `quietMs` (after a resize, or while the
	 * article renders in the background); returns that screen.
	 */
	settled(quietMs?: number, timeoutMs?: number): Promise<string>;
	/** Resize the tmux window (and so folio's terminal). */
	resize(width: number, height: number): Promise<void>;
	/** Send a signal to the folio node process. */
	kill(signal: NodeJS.Signals): Promise<void>;
	/** The pid of the folio node process, or undefined once it has ended. */
	folioPid(): Promise<number | undefined>;
	/** Wait for folio to end and return its exit code as printed by the shell. */
	exitCode(timeoutMs?: number): Promise<number>;
	/** Whether the pane shows the alternate screen (`#{alternate_on}`). */
	alternateOn(): Promise<boolean>;
	/** Whether the cursor is hidden (`#{cursor_flag}` is 0). */
	cursorHidden(): Promise<boolean>;
	/** The pane title (`#{pane_title}`). */
	paneTitle(): Promise<string>;
	/** Run a tmux command against this session's server. */
	tmux(...arguments_: string[]): Promise<string>;
	/** Kill the tmux server and remove the state folder it created. Safe to call twice. */
	stop(): Promise<void>;
};

const live = new Set<string>();

/**
 * AVA starts every test of a file at once; on a small machine a dozen folio processes starting
 * together starve each other past any sensible timeout. Sessions queue for one of a few slots
 * (`FOLIO_E2E_SESSIONS`, default the number of CPUs, at least 2) and free it in `stop`.
 * A test must stop a session before it starts the next one.
 */
const slots = {
	free: Math.max(2, Number(process.env.FOLIO_E2E_SESSIONS) || os.availableParallelism()),
	waiting: [] as Array<() => void>,
	async acquire() {
		if (this.free > 0) {
			this.free--;
			return;
		}

		await new Promise<void>(resolve => {
			this.waiting.push(resolve);
		});
	},
	release() {
		const next = this.waiting.shift();
		if (next) {
			next();
		} else {
			this.free++;
		}
	},
};

// A worker that exits without running teardowns (a crash, a timeout) must not leave servers behind.
process.once('exit', () => {
	for (const socket of live) {
		try {
			execFileSync('tmux', ['-L', socket, 'kill-server'], {stdio: 'ignore', env: cleanEnvironment()});
			rmSync(path.join(socketFolder(), socket), {force: true});
		} catch {}
	}
});

/** Where tmux keeps its sockets: `$TMUX_TMPDIR/tmux-UID`, by default under /tmp. */
function socketFolder(): string {
	return path.join(process.env.TMUX_TMPDIR || '/tmp', `tmux-${process.getuid?.() ?? 0}`);
}

/** The parent's environment without anything that would leak into folio or confuse tmux. */
function cleanEnvironment(): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!name.startsWith('FOLIO_') && name !== 'TMUX' && name !== 'TMUX_PANE' && name !== 'NO_COLOR' && name !== 'FORCE_COLOR') {
			environment[name] = value;
		}
	}

	return environment;
}

/** Quote one word for `sh -c`. */
export function shellQuote(word: string): string {
	return `'${word.replaceAll('\'', '\'\\\'\'')}'`;
}

/** A fresh temporary folder, removed by the test's teardown when `t` is given. */
export function temporaryFolder(t?: {teardown(fn: () => unknown): void}, prefix = 'folio-e2e-'): string {
	const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
	t?.teardown(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

/** Start folio with these arguments in a new tmux server. */
export async function start(arguments_: string[], options: StartOptions = {}): Promise<Session> {
	if (!existsSync(cli)) {
		throw new Error(`Expected a built folio at ${cli}, got nothing: run \`npm run build\` first`);
	}

	const width = options.width ?? 100;
	const height = options.height ?? 30;
	const socket = `folio-${randomBytes(6).toString('hex')}`;
	const ownsStateDir = options.stateDir === undefined;
	const stateDir = options.stateDir ?? mkdtempSync(path.join(os.tmpdir(), 'folio-state-'));
	const environment = {FOLIO_STATE_DIR: stateDir, FOLIO_CONFIG_DIR: path.join(stateDir, 'config'), ...options.env};
	const folio = ['node', cli, ...arguments_].map(word => shellQuote(word)).join(' ');
	const piped = options.stdinFile === undefined ? folio : `cat ${shellQuote(options.stdinFile)} | ${folio}`;
	const script = `${piped}; echo "EXIT=$?"; sleep 600`;

	const tmux = async (...arguments__: string[]) => {
		const {stdout} = await run('tmux', ['-L', socket, ...arguments__], {env: cleanEnvironment()});
		return stdout;
	};

	const format = async (template: string) => (await tmux('display-message', '-p', template)).replace(/\n$/, '');

	const folioPid = async () => findFolio(Number(await format('#{pane_pid}')));

	const screen = async () => {
		const text = await tmux('capture-pane', '-p');
		return text.replace(/\n$/, '').split('\n').map(line => line.trimEnd()).join('\n');
	};

	const waitFor = async (predicate: Predicate, timeoutMs = 10_000) => {
		const deadline = Date.now() + timeoutMs;
		let last = '';
		let exitedAt: number | undefined;
		for (;;) {
			try {
				last = await screen();
			} catch (error) {
				throw new Error(`tmux went away while waiting for ${describe(predicate)}: ${String(error)}\nlast screen:\n${frame(last)}`);
			}

			if (matches(predicate, last)) {
				return last;
			}

			// Once folio has ended the screen no longer changes: fail now, not at the deadline.
			exitedAt ??= exitLine.test(last) ? Date.now() : undefined;
			if (Date.now() > deadline || (exitedAt !== undefined && Date.now() - exitedAt > 500)) {
				const why = exitedAt === undefined ? '' : ' (folio has ended)';
				throw new Error(`Expected the screen to show ${describe(predicate)} within ${timeoutMs} ms, got${why}:\n${frame(last)}`);
			}

			await delay(50);
		}
	};

	const settled = async (quietMs = 400, timeoutMs = 10_000) => {
		const deadline = Date.now() + timeoutMs;
		let last = await screen();
		let since = Date.now();
		while (Date.now() - since < quietMs) {
			if (Date.now() > deadline) {
				throw new Error(`Expected the screen to settle for ${quietMs} ms within ${timeoutMs} ms, it kept changing; last:\n${frame(last)}`);
			}

			await delay(50);
			const next = await screen();
			if (next !== last) {
				last = next;
				since = Date.now();
			}
		}

		return last;
	};

	let socketPath: string | undefined;
	let stopped = false;
	const stop = async () => {
		if (stopped) {
			return;
		}

		stopped = true;
		const pid = await folioPid().catch(() => undefined);
		await tmux('kill-server').catch(() => undefined);
		// tmux leaves its socket file behind when the server is killed.
		if (socketPath) {
			rmSync(socketPath, {force: true});
		}

		live.delete(socket);
		slots.release();
		// The hangup makes folio save its state: let it finish before the folder goes.
		await processGone(pid, 5000);
		if (ownsStateDir) {
			rmSync(stateDir, {recursive: true, force: true, maxRetries: 10, retryDelay: 100});
		}
	};

	await slots.acquire();
	options.t?.teardown(stop);
	live.add(socket);
	try {
		// -f /dev/null: no user configuration. window-size manual: the window keeps the size it is
		// given (no client is attached), and resize-window changes it.
		await run('tmux', [
			'-L', socket, '-f', '/dev/null',
			'new-session', '-d', '-x', String(width), '-y', String(height),
			...Object.entries(environment).flatMap(([name, value]) => ['-e', `${name}=${value}`]),
			'bash', '-c', script,
		], {env: cleanEnvironment()});
		socketPath = await format('#{socket_path}');
		await tmux('set-option', '-g', 'window-size', 'manual');
	} catch (error) {
		await stop();
		throw error;
	}

	return {
		socket,
		stateDir,
		width,
		height,
		async send(...keys) {
			for (const key of keys) {
				// A single character goes literally (so `;`, `]` or `q` are never read as key names).
				await (key.length === 1 ? tmux('send-keys', '-l', key) : tmux('send-keys', key));
			}
		},
		async type(text) {
			await tmux('send-keys', '-l', text);
		},
		screen,
		waitFor,
		settled,
		async resize(newWidth, newHeight) {
			await tmux('resize-window', '-x', String(newWidth), '-y', String(newHeight));
			const size = await format('#{window_width}x#{window_height}');
			if (size !== `${newWidth}x${newHeight}`) {
				throw new Error(`Expected the window to become ${newWidth}x${newHeight}, got ${size}`);
			}
		},
		async kill(signal) {
			const pid = await folioPid();
			if (pid === undefined) {
				throw new Error(`Expected a running folio process to send ${signal} to, got none`);
			}

			process.kill(pid, signal);
		},
		folioPid,
		async exitCode(timeoutMs = 10_000) {
			const text = await waitFor(exitLine, timeoutMs);
			return Number(exitLine.exec(text)![1]);
		},
		alternateOn: async () => (await format('#{alternate_on}')) === '1',
		cursorHidden: async () => (await format('#{cursor_flag}')) === '0',
		paneTitle: async () => format('#{pane_title}'),
		tmux,
		stop,
	};
}

function matches(predicate: Predicate, text: string): boolean {
	if (typeof predicate === 'string') {
		return text.includes(predicate);
	}

	if (predicate instanceof RegExp) {
		return predicate.test(text);
	}

	return predicate(text);
}

/** The pane's shell, `cat` and `sleep` are ours; whatever else runs below the shell is folio. */
const helpers = new Set(['bash', 'sh', 'cat', 'sleep', 'ps']);

/**
 * The folio process below the pane's shell. meow renames it (`process.title` is `folio`), so it
 * is found as the one descendant that is not a shell helper.
 */
async function findFolio(shell: number): Promise<number | undefined> {
	const {stdout} = await run('ps', ['-e', '-o', 'pid=,ppid=,comm=']);
	const processes = stdout.trim().split('\n').map(line => {
		const [pid, ppid, ...command] = line.trim().split(/\s+/);
		return {pid: Number(pid), ppid: Number(ppid), command: command.join(' ')};
	});
	const queue = [shell];
	while (queue.length > 0) {
		const parent = queue.shift()!;
		for (const child of processes.filter(entry => entry.ppid === parent)) {
			if (!helpers.has(child.command)) {
				return child.pid;
			}

			queue.push(child.pid);
		}
	}

	return undefined;
}

/** Wait until the process has ended (or the time is up). */
export async function processGone(pid: number | undefined, timeoutMs: number): Promise<boolean> {
	if (pid === undefined) {
		return true;
	}

	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			process.kill(pid, 0);
		} catch {
			return true;
		}

		await delay(50);
	}

	return false;
}

function describe(predicate: Predicate): string {
	if (typeof predicate === 'string') {
		return JSON.stringify(predicate);
	}

	if (predicate instanceof RegExp) {
		return String(predicate);
	}

	return predicate.name ? `a screen where ${predicate.name}` : 'the expected screen';
}

function frame(text: string): string {
	return text.split('\n').map(line => `|${line}`).join('\n');
}

async function delay(ms: number) {
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

/** The reader's screen split into its parts. */
export type ReaderScreen = {
	/** Every row above the status line. */
	rows: string[];
	/** The TOC column (left of the separator `│`), empty when the TOC is hidden. */
	toc: string[];
	/** The body column (right of the separator), or the whole row when the TOC is hidden. */
	body: string[];
	/** The status line: the last non-empty row. */
	status: string;
	/** The section title at the status line's left. */
	section: string;
	/** The percentage on the status line, if shown. */
	percent: number | undefined;
	/** The first row of the body. */
	top: string;
};

/** Split a reader screen into TOC, body and status line. */
export function readerScreen(screen: string): ReaderScreen {
	const all = screen.split('\n');
	let last = all.length - 1;
	while (last > 0 && all[last].trim() === '') {
		last--;
	}

	const status = all[last] ?? '';
	const rows = all.slice(0, last);
	const column = separatorColumn(rows);
	const toc = column === undefined ? [] : rows.map(row => cellsOf(row).slice(0, column).join('').trimEnd());
	const body = column === undefined ? rows : rows.map(row => cellsOf(row).slice(column + 2).join(''));
	const section = /^(.*?)\s{2,}\d{1,3}%/.exec(status)?.[1].trim() ?? '';
	const percent = /(\d{1,3})%/.exec(status)?.[1];
	return {rows, toc, body, status, section, percent: percent === undefined ? undefined : Number(percent), top: body[0] ?? ''};
}

/** The column of the TOC separator: a `│` at the same column on every row, if there is one. */
function separatorColumn(rows: string[]): number | undefined {
	if (rows.length === 0) {
		return undefined;
	}

	const first = cellsOf(rows[0]).indexOf('│');
	if (first < 1) {
		return undefined;
	}

	return rows.every(row => cellsOf(row)[first] === '│') ? first : undefined;
}

/** A row as terminal cells: a wide character (📑, 中) fills its cell and leaves the next one empty. */
function cellsOf(row: string): string[] {
	const cells: string[] = [];
	for (const {segment} of new Intl.Segmenter().segment(row)) {
		cells.push(segment);
		if (stringWidth(segment) === 2) {
			cells.push('');
		}
	}

	return cells;
}

/** TOC entries as plain titles: read marks, indentation and ellipses removed. */
export function tocEntries(screen: string): string[] {
	return readerScreen(screen).toc.map(line => line.replace(/^[\s✓›>*]+/, '').trim()).filter(Boolean);
}

/**
 * How many rows the body scrolled between two screens: the smallest shift with at least
 * `minimumOverlap` rows in common, or undefined when none matches.
 */
export function scrolledBy(before: string[], after: string[], minimumOverlap = 3): number | undefined {
	for (let shift = 0; shift <= before.length - minimumOverlap; shift++) {
		const overlap = before.length - shift;
		if (before.slice(shift).every((row, index) => row === after[index]) && overlap >= minimumOverlap) {
			return shift;
		}
	}

	return undefined;
}

/** Widest row of a screen, in columns (every character in these tests is one column wide). */
export function widestRow(screen: string): number {
	return Math.max(...screen.split('\n').map(row => [...row].length));
}
