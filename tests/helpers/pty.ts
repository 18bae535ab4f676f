/**
 * A process in a pseudo-terminal (node-pty) whose output feeds a headless xterm: a real terminal
 * without a window. The emulator answers the program's queries (cursor position, device
 * attributes) through the pty, as a terminal does. terminal.ts builds folio sessions on it.
 *
 * Missing prerequisites fail loudly: if either package cannot be loaded or no pty can be opened,
 * `openTerminal` throws an error that says what is missing and how to get it; nothing is skipped.
 *
 * @example
 * const terminal = await openTerminal({file: '/bin/sh', args: ['-c', 'printf hello'], cwd, env, width: 80, height: 24});
 * await terminal.waitFor(screen => screen.includes('hello'), '"hello"', 5000);
 * await terminal.close(5000);
 */
import {existsSync} from 'node:fs';
import process from 'node:process';
import type {IPty} from '@lydell/node-pty';
import type {Terminal as Emulator} from '@xterm/headless';

export type TerminalOptions = {
	/** The program, run as the pty's session leader. */
	file: string;
	args: string[];
	cwd: string;
	env: NodeJS.ProcessEnv;
	width: number;
	height: number;
	/** A screen matching this shows the program has ended even while the pty stays open. */
	ended?: RegExp;
};

export type Terminal = {
	/** The pid of `file` (the session and process group leader). */
	pid: number;
	/** The emulator: its buffer, modes and parser. Call `parsed()` before reading it. */
	emulator: Emulator;
	/** Whether the program's output last hid the cursor (DECTCEM). */
	cursorHidden: boolean;
	/** The window title the output last set (OSC 0 or 2), `''` if none. */
	title: string;
	/** Write bytes as one keystroke (a lone ESC is kept apart from the next keystroke). */
	keystroke(bytes: string): Promise<void>;
	/** Resolves once every byte received so far has been parsed into the emulator. */
	parsed(): Promise<void>;
	/** The visible rows, trailing blanks removed, after `parsed()`. */
	screen(): Promise<string>;
	/** Resolve with the screen once `check` holds; reject at the timeout or once the program has ended without it. */
	waitFor(check: (screen: string) => boolean, description: string, timeoutMs: number): Promise<string>;
	/** Resolve with the screen once it has not changed for `quietMs`. */
	settled(quietMs: number, timeoutMs: number): Promise<string>;
	resize(width: number, height: number): Promise<void>;
	/** The program's exit code (128 + N for signal N), once it ends; rejects at the timeout. */
	exited(timeoutMs: number): Promise<number>;
	/** Close the pty (a hangup), wait for the program to end, SIGKILL its group if it does not. */
	close(timeoutMs: number): Promise<void>;
	/** Signal the program's whole process group, synchronously (for exit handlers). */
	killGroup(signal: NodeJS.Signals): void;
};

type Packages = {spawn: typeof import('@lydell/node-pty').spawn; Emulator: typeof Emulator};

let packages: Promise<Packages> | undefined;

async function loadPackages(): Promise<Packages> {
	try {
		const [pty, xterm] = await Promise.all([import('@lydell/node-pty'), import('@xterm/headless')]);
		// Both are CommonJS, which Node and tsx expose as named exports or as `default` depending
		// on the loader: take whichever is there.
		const named = xterm as unknown as {Terminal?: typeof Emulator; default?: {Terminal?: typeof Emulator}};
		const Terminal = named.Terminal ?? named.default?.Terminal;
		if (typeof pty.spawn !== 'function' || Terminal === undefined) {
			throw new TypeError('node-pty has no spawn() or @xterm/headless no Terminal');
		}

		return {spawn: pty.spawn, Emulator: Terminal};
	} catch (error) {
		throw new Error(`The real-terminal tests need the devDependencies @lydell/node-pty (node-pty with a prebuilt binary for ${process.platform}-${process.arch}) and @xterm/headless; loading them failed (run \`npm ci\`): ${String(error)}`);
	}
}

/** A lone ESC followed at once by another key reads as Alt+key; a terminal user pauses between them. */
const escapeGapMs = 30;

/** Open a pty running `file` and an emulator of the same size fed by it. */
export async function openTerminal(options: TerminalOptions): Promise<Terminal> {
	packages ??= loadPackages();
	const {spawn, Emulator} = await packages;
	if (!existsSync(options.file)) {
		throw new Error(`Expected ${options.file} to run in the terminal, got nothing there`);
	}

	const emulator = new Emulator({cols: options.width, rows: options.height, allowProposedApi: true, scrollback: 1000});
	let pty: IPty;
	try {
		pty = spawn(options.file, options.args, {name: options.env.TERM ?? 'xterm-256color', cols: options.width, rows: options.height, cwd: options.cwd, env: options.env});
	} catch (error) {
		emulator.dispose();
		throw new Error(`Expected to open a pseudo-terminal (node-pty) for ${options.file}, got: ${String(error)}`);
	}

	return connect(pty, emulator, options.ended);
}

const beginFrame = '\u001B[?2026h';
const endFrame = '\u001B[?2026l';

function connect(pty: IPty, emulator: Emulator, ended: RegExp | undefined): Terminal {
	const changes = new Set<() => void>();
	const changed = () => {
		for (const listener of changes) {
			listener();
		}
	};

	let exitCode: number | undefined;
	const exit = new Promise<number>(resolve => {
		pty.onExit(({exitCode: code, signal}) => {
			exitCode = signal ? 128 + signal : code;
			resolve(exitCode);
			changed();
		});
	});
	// Ink brackets each frame in a synchronized update (DEC mode 2026), as a terminal that supports
	// it shows the frame whole. Screens read inside the bracket are half-written frames: listeners
	// hear of changes only once the bracket closes, after its bytes are parsed.
	let inFrame = false;
	let carry = '';
	pty.onData(data => {
		const text = carry + data;
		const opened = text.lastIndexOf(beginFrame);
		const closed = text.lastIndexOf(endFrame);
		if (opened !== -1 || closed !== -1) {
			inFrame = opened > closed;
		}

		// A bracket split across two reads is found in the next one.
		carry = text.slice(-(beginFrame.length - 1));
		emulator.write(data);
	});
	emulator.onData(reply => {
		if (exitCode === undefined) {
			pty.write(reply);
		}
	});
	emulator.onWriteParsed(() => {
		if (!inFrame || exitCode !== undefined) {
			changed();
		}
	});

	const terminal: Terminal = {
		pid: pty.pid,
		emulator,
		cursorHidden: false,
		title: '',
		keystroke: async bytes => {
			if (exitCode !== undefined) {
				throw new Error(`Expected the program to be running to send it ${JSON.stringify(bytes)}, but it has ended with ${exitCode}`);
			}

			await escapeWait;
			pty.write(bytes);
			escapeWait = bytes === '\u001B' ? pause(escapeGapMs) : Promise.resolve();
		},
		parsed: async () => new Promise<void>(resolve => {
			emulator.write('', resolve);
		}),
		async screen() {
			await terminal.parsed();
			return visibleRows(emulator);
		},
		async waitFor(check, description, timeoutMs) {
			await terminal.parsed();
			return new Promise<string>((resolve, reject) => {
				let last = visibleRows(emulator);
				const finish = (error?: Error) => {
					changes.delete(listener);
					clearTimeout(timer);
					if (error) {
						reject(error);
					} else {
						resolve(last);
					}
				};

				const fail = (why: string) => {
					finish(new Error(`Expected the screen to show ${description} within ${timeoutMs} ms, got${why}:\n${frame(last)}`));
				};

				const listener = () => {
					last = visibleRows(emulator);
					if (check(last)) {
						finish();
					} else if (exitCode !== undefined || ended?.test(last)) {
						// The program has ended: once its last output is parsed the screen cannot change.
						void terminal.parsed().then(() => {
							last = visibleRows(emulator);
							if (check(last)) {
								finish();
							} else {
								fail(` (the program has ended${exitCode === undefined ? '' : `, its terminal closed with ${exitCode}`})`);
							}
						});
					}
				};

				const timer = setTimeout(() => {
					fail('');
				}, timeoutMs);
				changes.add(listener);
				listener();
			});
		},
		async settled(quietMs, timeoutMs) {
			await terminal.parsed();
			return new Promise<string>((resolve, reject) => {
				let last = visibleRows(emulator);
				const finish = (error?: Error) => {
					changes.delete(listener);
					clearTimeout(quiet);
					clearTimeout(deadline);
					if (error) {
						reject(error);
					} else {
						resolve(last);
					}
				};

				let quiet = setTimeout(finish, quietMs);
				const listener = () => {
					const next = visibleRows(emulator);
					if (next !== last) {
						last = next;
						clearTimeout(quiet);
						quiet = setTimeout(finish, quietMs);
					}
				};

				const deadline = setTimeout(() => {
					finish(new Error(`Expected the screen to settle for ${quietMs} ms within ${timeoutMs} ms, it kept changing; last:\n${frame(last)}`));
				}, timeoutMs);
				changes.add(listener);
			});
		},
		async resize(width, height) {
			await terminal.parsed();
			emulator.resize(width, height);
			if (exitCode === undefined) {
				pty.resize(width, height);
			}

			changed();
		},
		async exited(timeoutMs) {
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => {
					reject(new Error(`Expected the program to end within ${timeoutMs} ms, it still runs; screen:\n${frame(visibleRows(emulator))}`));
				}, timeoutMs);
			});
			try {
				const code = await Promise.race([exit, timeout]);
				await terminal.parsed();
				return code;
			} finally {
				clearTimeout(timer);
			}
		},
		async close(timeoutMs) {
			if (exitCode === undefined) {
				// UnixTerminal.destroy closes the master side (the kernel hangs the line up), then
				// sends the session leader SIGHUP; IPty's typings do not declare it.
				(pty as IPty & {destroy(): void}).destroy();
				const ended = await Promise.race([exit.then(() => true), pause(timeoutMs).then(() => false)]);
				if (!ended) {
					terminal.killGroup('SIGKILL');
					await exit;
				}
			}

			await terminal.parsed();
		},
		killGroup(signal) {
			if (exitCode === undefined) {
				try {
					process.kill(-pty.pid, signal);
				} catch {
					// Already gone.
				}
			}
		},
	};

	let escapeWait = Promise.resolve();
	trackCursorAndTitle(emulator, terminal);
	return terminal;
}

/** Follow DECTCEM (`ESC[?25h`/`l`, reset by RIS and DECSTR) and OSC 0/2 titles. */
function trackCursorAndTitle(emulator: Emulator, terminal: Terminal) {
	const has25 = (parameters: Array<number | number[]>) => parameters.includes(25);
	emulator.parser.registerCsiHandler({prefix: '?', final: 'h'}, parameters => {
		terminal.cursorHidden &&= !has25(parameters);
		return false;
	});
	emulator.parser.registerCsiHandler({prefix: '?', final: 'l'}, parameters => {
		terminal.cursorHidden ||= has25(parameters);
		return false;
	});
	emulator.parser.registerCsiHandler({intermediates: '!', final: 'p'}, () => {
		terminal.cursorHidden = false;
		return false;
	});
	emulator.parser.registerEscHandler({final: 'c'}, () => {
		terminal.cursorHidden = false;
		return false;
	});
	emulator.onTitleChange(title => {
		terminal.title = title;
	});
}

/** The visible rows of the active buffer, trailing blanks removed. */
function visibleRows(emulator: Emulator): string {
	const buffer = emulator.buffer.active;
	const rows: string[] = [];
	for (let row = 0; row < emulator.rows; row++) {
		// Up to the width only: after a narrowing resize a line may keep cells beyond it.
		rows.push(buffer.getLine(buffer.baseY + row)?.translateToString(true, 0, emulator.cols) ?? '');
	}

	return rows.join('\n');
}

function frame(text: string): string {
	return text.split('\n').map(line => `|${line}`).join('\n');
}

async function pause(ms: number): Promise<void> {
	await new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}
