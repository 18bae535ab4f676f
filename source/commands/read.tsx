import {openSync} from 'node:fs';
import tty from 'node:tty';
import React from 'react';
import {render} from 'ink';
import {App, type AppSession} from '../app.js';
import type {Article} from '../core/article/article.js';
import {loadLibraryInfo} from '../node/library/catalog.js';
import {ExitCode, FolioError} from '../core/errors.js';
import type {LibraryItem} from '../core/library/library-state.js';
import {openStore, type StateStore} from '../node/state/store.js';
import {FlushContext} from '../ui/hooks/use-reading-state.js';
import {loadReader} from '../ui/load-reader.js';
import {loadTextWidth} from '../core/text/text-width.js';
import {warn, type CommandContext} from './context.js';
import {displayFor, type DisplayFlags} from './display.js';

export type ReadOptions = {article?: string} & DisplayFlags;

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

/**
 * The full-screen reader: the library, or one article. Runs in the alternate screen and restores
 * the terminal on every way out (q, Ctrl+C, SIGTERM, SIGHUP, an error), saving the reading
 * position first.
 */
export async function readCommand(context: CommandContext, options: ReadOptions): Promise<number> {
	// The reader is a terminal: without colour (NO_COLOR, --no-color) it draws in the mono theme.
	const display = displayFor(context, options, true);
	const startArticle = options.article === undefined ? undefined : await (await import('./open-article.js')).openArticle(context, options.article);
	// Ink measures with string-width anyway; load folio's measures with it.
	await loadTextWidth();
	const input = keyboard(options.article === '-');
	const store = openStore({profile: context.profile, env: context.env});
	for (const message of store.warnings) {
		warn(context, message);
	}

	if (startArticle) {
		await loadReader();
	}

	const stdout = process.stdout;
	const flushers = new Set<() => void>();
	let exitCode: number = ExitCode.ok;
	const session: AppSession = {
		style: 'ansi',
		display: {theme: display.theme, icons: display.icons, page: {maxWidth: display.maxWidth, tocWidth: display.tocWidth}},
		folder: context.libraryFolder,
		initialItems: startArticle ? undefined : await libraryItems(context, store),
		listLibrary: async () => libraryItems(context, store),
		async openArticle(id) {
			// The parser loads with the first article, not with the library.
			const {loadArticle, locateArticle} = await import('../node/library/source.js');
			const {maxBytes} = await import('../node/library/limits.js');
			return loadArticle(locateArticle(id, context.libraryFolder), maxBytes(context.env));
		},
		reading: article => readingKey(article, store),
		startArticle,
		onQuit: how => {
			exitCode = how === 'interrupt' ? ExitCode.interrupted : ExitCode.ok;
		},
	};

	stdout.write(enterAlternateScreen);
	const saveOnly = () => {
		for (const flush of flushers) {
			try {
				flush();
			} catch {}
		}
	};

	let restored = false;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		saveOnly();
		instance.unmount();
		input.setRawMode?.(false);
		stdout.write(leaveAlternateScreen + showCursor);
	};

	const instance = render(
		<FlushContext.Provider value={flushers}><App session={session} /></FlushContext.Provider>,
		{stdin: input, exitOnCtrlC: false, patchConsole: false, maxFps: 120},
	);

	// Die by the signal, as a well-behaved terminal program does, after saving and restoring.
	// On a hangup the terminal is gone: save only, write nothing to it.
	const onSignal = (signal: NodeJS.Signals) => {
		if (signal === 'SIGHUP') {
			saveOnly();
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
		process.stderr.write(`folio: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
		if (process.env.FOLIO_DEBUG === '1' && error instanceof Error) {
			process.stderr.write(`${error.stack ?? ''}\n`);
		}

		process.exit(ExitCode.failure);
	};

	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	process.on('SIGINT', onSignal);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	try {
		await instance.waitUntilExit();
	} finally {
		restore();
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
		process.off('SIGINT', onSignal);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		if (input !== process.stdin) {
			input.destroy();
		}
	}

	return exitCode;
}

/** Keys come from stdin, or from the terminal itself when stdin carries the article. */
function keyboard(articleFromStdin: boolean): NodeJS.ReadStream {
	if (!articleFromStdin && process.stdin.isTTY) {
		return process.stdin;
	}

	try {
		return new tty.ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		throw new FolioError('the reader needs a terminal for keys and none is available; use folio cat to print the article');
	}
}

function readingKey(article: Article, store: StateStore) {
	return article.origin.kind === 'stdin' ? undefined : {store, key: article.origin.id};
}

async function libraryItems(context: CommandContext, store: StateStore): Promise<LibraryItem[]> {
	let catalog;
	try {
		catalog = await loadLibraryInfo(context.libraryFolder, context.env);
	} catch (error) {
		if (error instanceof FolioError) {
			return [];
		}

		throw error;
	}

	const states = store.all();
	return catalog.articles.map(article => {
		const state = states[article.id];
		return {...article, views: state?.views ?? 0, progress: state?.position?.percent ?? 0, lastRead: state?.lastRead};
	});
}
