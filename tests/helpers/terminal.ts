/**
 * Drive the built folio (`dist/cli.js`) in a real terminal: a pseudo-terminal (node-pty) whose
 * output feeds a headless xterm (`@xterm/headless`, the emulator VS Code's terminal is built on),
 * so end-to-end tests see exactly what a user's terminal shows: the screen and its colours, the
 * alternate buffer, the cursor, the title. Both are npm packages: `npm test` needs no tmux.
 *
 * A session runs `sh -c 'node dist/cli.js ARGS; echo "EXIT=$?"; exec cat'` so the restored main
 * screen shows the exit code after folio quits and stays until the session closes, in an environment built from nothing (see
 * `isolatedEnvironment`): its own HOME, XDG folders and state folder, `TERM=xterm-256color`.
 * Cleanup is the test's teardown: pass `t` and the session and its folders go even on failure.
 *
 * @example
 * const folio = await start(['guides/keys'], {t});
 * await folio.waitFor('Keys and navigation');
 * await folio.send(']');
 * await folio.waitFor(screen => readerScreen(screen).section === 'In the reader');
 * await folio.send('q');
 * t.is(await folio.exitCode(), 0);
 */
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {isolatedEnvironment} from './environment.js';
import {keyBytes} from './keys.js';
import {openTerminal, type Terminal} from './pty.js';
import {styledRow} from './screen-styles.js';

/** The repository root: tests run from it (`npx ava`). */
export const root = process.cwd();

/** The built entry point every session runs; `FOLIO_E2E_CLI` points at another build. */
export const cli = process.env.FOLIO_E2E_CLI || path.join(root, 'dist', 'cli.js');

/** The bundled library. */
export const articles = path.join(root, 'articles');

/** The exit line the session's shell prints after folio ends. */
export const exitLine = /^EXIT=(\d+)$/m;

export type StartOptions = {
	/** Terminal columns. @default 100 */
	width?: number;
	/** Terminal rows. @default 30 */
	height?: number;
	/** Extra environment for folio, over the isolated one; `undefined` removes a variable. */
	env?: Record<string, string | undefined>;
	/** Reuse a state folder (to reopen an article); it is then not removed by `stop`. @default a fresh temporary folder */
	stateDir?: string;
	/** Pipe this file into folio's stdin (`cat FILE | node dist/cli.js ARGS`). */
	stdinFile?: string;
	/** An AVA context: `stop` is registered as its teardown, so cleanup runs even on failure. */
	t?: {teardown(fn: () => unknown): void};
};

export type Predicate = string | RegExp | ((screen: string) => boolean);

export type Session = {
	/** The state folder folio was started with (`FOLIO_STATE_DIR`). */
	stateDir: string;
	/** folio's HOME; `XDG_CONFIG_HOME` is `HOME/.config`, `XDG_CACHE_HOME` is `HOME/.cache`. */
	home: string;
	width: number;
	height: number;
	/**
	 * Keys, each written as its own keystroke: a character as itself, or a tmux-style name
	 * (`Enter`, `Escape`, `Tab`, `BSpace`, `Space`, `Up`, `PageDown`, `C-c`, `M-x`; see keys.ts).
	 */
	send(...keys: string[]): Promise<void>;
	/** Text written in one write, so folio may read it as one input chunk (fast typing, a paste). */
	type(text: string): Promise<void>;
	/** The visible screen, one line per row, trailing spaces removed. */
	screen(): Promise<string>;
	/** The visible screen with SGR sequences where the style changes (format: screen-styles.ts). */
	styledScreen(): Promise<string>;
	/** Wait until the predicate holds for the screen (checked after every output); returns that screen. */
	waitFor(predicate: Predicate, timeoutMs?: number): Promise<string>;
	/**
	 * Wait until the screen has stopped changing for `quietMs` (after a resize, or while the
	 * article renders in the background); returns that screen.
	 */
	settled(quietMs?: number, timeoutMs?: number): Promise<string>;
	/** Resize the terminal: the emulator, then the pty (which sends folio SIGWINCH). */
	resize(width: number, height: number): Promise<void>;
	/** Send a signal to the folio node process. */
	kill(signal: NodeJS.Signals): Promise<void>;
	/** The pid of the folio node process, or undefined once it has ended. */
	folioPid(): Promise<number | undefined>;
	/** Wait for folio to end and return its exit code as the shell printed it (128 + N for signal N). */
	exitCode(timeoutMs?: number): Promise<number>;
	/** Close the terminal, as when its window is closed: folio gets a hangup (SIGHUP, then EIO). */
	hangup(): Promise<void>;
	/** Whether the terminal shows the alternate screen. */
	alternateOn(): Promise<boolean>;
	/** Whether the cursor is hidden (DECTCEM, `ESC[?25l`). */
	cursorHidden(): Promise<boolean>;
	/** The mouse reporting the program's output asked for: `none`, or `vt200` for button presses and the wheel (`ESC[?1000h`). */
	mouseTracking(): Promise<'none' | 'x10' | 'vt200' | 'drag' | 'any'>;
	/** The window title folio's output last set (OSC 0/2), `''` if none. */
	paneTitle(): Promise<string>;
	/** End folio if it still runs, wait for it, remove the folders the session made. Safe to call twice. */
	stop(): Promise<void>;
};

const live = new Set<Terminal>();

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

// A worker that exits without running teardowns (a crash, a timeout) must not leave folio behind.
process.once('exit', () => {
	for (const terminal of live) {
		terminal.killGroup('SIGKILL');
	}
});

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

/** Start folio with these arguments in a new terminal. */
export async function start(arguments_: string[], options: StartOptions = {}): Promise<Session> {
	if (!existsSync(cli)) {
		throw new Error(`Expected a built folio at ${cli}, got nothing: run \`npm run build\` first`);
	}

	const width = options.width ?? 100;
	const height = options.height ?? 30;
	const folders = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-'));
	const home = path.join(folders, 'home');
	const stateDir = options.stateDir ?? path.join(folders, 'state');
	const env = isolatedEnvironment(home, {TERM: 'xterm-256color', FOLIO_STATE_DIR: stateDir, ...options.env});
	const folio = `${shellQuote(process.execPath)} ${shellQuote(cli)} "$@"`;
	const piped = options.stdinFile === undefined ? folio : `cat ${shellQuote(options.stdinFile)} | ${folio}`;
	// Like a user's interactive shell, this one outlives a Ctrl+C that reaches folio as SIGINT (a
	// trap, unlike an ignore, is not inherited), then keeps the terminal open (as tmux kept its
	// pane) until the session closes it: a pty whose last process exits may lose unread output.
	const script = `trap : INT; ${piped}; echo "EXIT=$?"; exec cat >/dev/null`;

	let terminal: Terminal | undefined;
	let stopped = false;
	const stop = async () => {
		if (stopped) {
			return;
		}

		stopped = true;
		if (terminal) {
			const pid = findFolio(terminal.pid);
			// A hangup makes folio save its state, as when a window closes: let it finish first.
			await terminal.close(5000);
			await processGone(pid, 5000);
			live.delete(terminal);
			slots.release();
		}

		rmSync(folders, {recursive: true, force: true, maxRetries: 10, retryDelay: 100});
	};

	options.t?.teardown(stop);
	await slots.acquire();
	try {
		terminal = await openTerminal({file: '/bin/sh', args: ['-c', script, 'sh', ...arguments_], cwd: root, env, width, height, ended: exitLine});
	} catch (error) {
		slots.release();
		stopped = true;
		rmSync(folders, {recursive: true, force: true});
		throw error;
	}

	live.add(terminal);
	const open = terminal;
	return {
		stateDir,
		home,
		width,
		height,
		async send(...keys) {
			for (const key of keys) {
				await open.keystroke(keyBytes(key, {applicationCursor: open.emulator.modes.applicationCursorKeysMode}));
			}
		},
		async type(text) {
			await open.keystroke(text);
		},
		screen: async () => open.screen(),
		async styledScreen() {
			await open.parsed();
			const buffer = open.emulator.buffer.active;
			const scratch = buffer.getNullCell();
			const rows: string[] = [];
			for (let row = 0; row < open.emulator.rows; row++) {
				rows.push(styledRow(buffer.getLine(buffer.baseY + row)!, open.emulator.cols, scratch));
			}

			return rows.join('\n');
		},
		waitFor: async (predicate, timeoutMs = 10_000) => open.waitFor(text => matches(predicate, text), describe(predicate), timeoutMs),
		settled: async (quietMs = 400, timeoutMs = 10_000) => open.settled(quietMs, timeoutMs),
		resize: async (newWidth, newHeight) => open.resize(newWidth, newHeight),
		async kill(signal) {
			const pid = findFolio(open.pid);
			if (pid === undefined) {
				throw new Error(`Expected a running folio process to send ${signal} to, got none`);
			}

			process.kill(pid, signal);
		},
		folioPid: async () => findFolio(open.pid),
		async exitCode(timeoutMs = 10_000) {
			const text = await open.waitFor(screen => exitLine.test(screen), String(exitLine), timeoutMs);
			return Number(exitLine.exec(text)![1]);
		},
		hangup: async () => open.close(5000),
		async alternateOn() {
			await open.parsed();
			return open.emulator.buffer.active.type === 'alternate';
		},
		async cursorHidden() {
			await open.parsed();
			return open.cursorHidden;
		},
		async paneTitle() {
			await open.parsed();
			return open.title;
		},
		async mouseTracking() {
			await open.parsed();
			return open.emulator.modes.mouseTrackingMode;
		},
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

function describe(predicate: Predicate): string {
	if (typeof predicate === 'string') {
		return JSON.stringify(predicate);
	}

	if (predicate instanceof RegExp) {
		return String(predicate);
	}

	return predicate.name ? `a screen where ${predicate.name}` : 'the expected screen';
}

/** The session's shell and `cat` are ours; whatever else runs below the shell is folio. */
const helpers = new Set(['sh', 'dash', 'bash', 'cat']);

/**
 * The folio process below the session's shell: the one descendant that is not a shell helper
 * (folio names itself `folio`, so it is not found by name). Reads /proc.
 */
function findFolio(shell: number): number | undefined {
	const children = new Map<number, number[]>();
	const names = new Map<number, string>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			// `pid (comm) state ppid ...`; comm may hold spaces and parentheses, so split at the last `)`.
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const close = stat.lastIndexOf(')');
			const ppid = Number(stat.slice(close + 2).split(' ')[1]);
			names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
			children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
		} catch {
			// The process ended while we looked.
		}
	}

	const queue = [shell];
	while (queue.length > 0) {
		for (const child of children.get(queue.shift()!) ?? []) {
			if (!helpers.has(names.get(child)!)) {
				return child;
			}

			queue.push(child);
		}
	}

	return undefined;
}

/** Wait until the process has ended (or the time is up); true when it has. */
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

		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}

	return false;
}
