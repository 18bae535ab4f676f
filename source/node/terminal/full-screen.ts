import {ExitCode} from '../../core/errors.js';
import {mouseReportingOff, mouseReportingOn} from '../../core/keys/mouse.js';
import {sanitizeLine} from '../../core/text/sanitize.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

/** A program drawn on the terminal, as Ink's `render` returns it. */
export type ScreenProgram = {unmount(): void; waitUntilExit(): Promise<unknown>};

export type FullScreenOptions = {
	/** Where keys come from; its raw mode is turned off on the way out. */
	input: NodeJS.ReadStream;
	output: NodeJS.WriteStream;
	env: NodeJS.ProcessEnv;
	/** Save what the user would lose (the reading position); runs before the terminal is restored. */
	save: () => void;
	/** Start drawing, once the alternate screen is on. */
	start: () => ScreenProgram;
};

/**
 * Run a full-screen program in the alternate screen and give the terminal back as it was on
 * every way out: the program ending, SIGTERM, SIGINT, an error (restored, then one line on
 * stderr and exit 1). Each saves first. On SIGHUP, or when the terminal is gone (EIO, EPIPE,
 * ENXIO), there is no terminal to restore: save only, write nothing. Signals end the process by
 * the same signal, after saving, as a well-behaved terminal program does.
 */
export async function runFullScreen({input, output, env, save, start}: FullScreenOptions): Promise<void> {
	const saveQuietly = () => {
		try {
			save();
		} catch {}
	};

	// Mouse reporting only while full screen: every way out below switches it off.
	output.write(enterAlternateScreen + mouseReportingOn);
	let program: ScreenProgram | undefined;
	let restored = false;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		saveQuietly();
		program?.unmount();
		input.setRawMode?.(false);
		output.write(mouseReportingOff + leaveAlternateScreen + showCursor);
	};

	const onSignal = (signal: NodeJS.Signals) => {
		if (signal === 'SIGHUP') {
			saveQuietly();
		} else {
			restore();
		}

		process.removeAllListeners(signal);
		process.kill(process.pid, signal);
	};

	const onCrash = (error: unknown) => {
		const code = (error as NodeJS.ErrnoException | undefined)?.code;
		if (code === 'EIO' || code === 'EPIPE' || code === 'ENXIO') {
			onSignal('SIGHUP');
			return;
		}

		restore();
		process.stderr.write(`folio: unexpected error: ${sanitizeLine(error instanceof Error ? error.message : String(error))}\n`);
		if (env.FOLIO_DEBUG === '1' && error instanceof Error) {
			process.stderr.write(`${error.stack ?? ''}\n`);
		}

		process.exit(ExitCode.failure);
	};

	const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
	for (const signal of signals) {
		process.on(signal, onSignal);
	}

	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	try {
		program = start();
		await program.waitUntilExit();
	} finally {
		restore();
		for (const signal of signals) {
			process.off(signal, onSignal);
		}

		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
	}
}

/**
 * Give the terminal to another program (the editor) while `run` runs: the main screen, cooked
 * mode, no mouse reporting, the cursor shown, as before folio started; then take it back. The
 * caller redraws the whole screen after.
 */
export function handOverTerminal<T>(input: NodeJS.ReadStream, output: NodeJS.WriteStream, run: () => T): T {
	output.write(mouseReportingOff + leaveAlternateScreen + showCursor);
	input.setRawMode?.(false);
	try {
		return run();
	} finally {
		input.setRawMode?.(true);
		output.write(enterAlternateScreen + mouseReportingOn);
	}
}
