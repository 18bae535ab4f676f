import {realpathSync} from 'node:fs';
import React from 'react';
import {render} from 'ink';
import {App, type AppSession} from '../app.js';
import type {Article, ArticleInfo} from '../core/article/article.js';
import {ExitCode, FolioError} from '../core/errors.js';
import type {ReadingStats} from '../core/library/library-state.js';
import {setRootAsciiOrder} from '../core/text/collate.js';
import {loadTextWidth} from '../core/text/text-width.js';
import {rootAsciiOrder} from '../node/collation.js';
import {listLibrary} from '../node/library/listing.js';
import {isInside} from '../node/library/library.js';
import {openStore, type StateStore} from '../node/state/store.js';
import {hyperlinksFor} from '../node/hyperlinks.js';
import {handOverTerminal, runFullScreen} from '../node/terminal/full-screen.js';
import {closeKeyboard, openKeyboard} from '../node/terminal/keyboard.js';
import {articleStateKey} from '../node/state/article-key.js';
import {FlushContext} from '../ui/hooks/use-reading-state.js';
import {loadReader} from '../ui/load-reader.js';
import {warn, type CommandContext} from './context.js';
import {displayFor, hyperlinksSetting, type DisplayFlags} from './display.js';
import {articleFiles, sessionLinks} from './session-links.js';

/** `hyperlinks`: --hyperlinks / --no-hyperlinks, over the setting. */
export type ReadOptions = {article?: string; hyperlinks?: boolean} & DisplayFlags;

/**
 * The full-screen reader: the library, or one article. The terminal is handled by
 * `runFullScreen`; this puts together what the App needs: the article, the store, the library.
 */
export async function readCommand(context: CommandContext, options: ReadOptions): Promise<number> {
	// The reader is a terminal: without colour (NO_COLOR, --no-color) it draws in the mono theme.
	const display = displayFor(context, options, true);
	const startArticle = options.article === undefined ? undefined : await (await import('./open-article.js')).openArticle(context, options.article);
	// Ink measures with string-width anyway; load folio's measures with it.
	await loadTextWidth();
	// Titles of plain ASCII sort without starting ICU where the locale sorts them as the root order does.
	// ICU reads the locale from the process's own environment, whatever the command was given.
	setRootAsciiOrder(rootAsciiOrder(process.env));
	const input = openKeyboard(options.article === '-');
	const store = openStore({profile: context.profile, env: context.env, library: context.libraryFolder});
	for (const message of store.warnings) {
		warn(context, message);
	}

	// Warnings raised while the screen is full (a full disk at a save) are said once it is restored.
	const warnedBefore = store.warnings.length;
	if (startArticle) {
		await loadReader();
	}

	const flushers = new Set<() => void>();
	let textSearch: import('../node/search/text-search-thread.js').TextSearch | undefined;
	let exitCode: number = ExitCode.ok;
	let program: {clear(): void} | undefined;
	const session: AppSession = {
		style: 'ansi',
		display: {theme: display.theme, icons: display.icons, page: {maxWidth: display.maxWidth, tocWidth: display.tocWidth}},
		folder: context.libraryFolder,
		initialItems: startArticle ? undefined : await libraryArticles(context, store),
		async listLibrary() {
			// Back from an article, which may have been edited: the text is checked again at the next search.
			textSearch?.refresh();
			return libraryArticles(context, store);
		},
		async findText(filter, signal) {
			// The index loads with the first search, in a worker thread, not with the library.
			textSearch ??= (await import('../node/search/text-search-thread.js')).textSearchThread(context.libraryFolder, context.env);
			return textSearch.find(filter, signal);
		},
		async openArticle(id) {
			// The parser loads with the first article, not with the library.
			const {loadArticle, locateArticle} = await import('../node/library/source.js');
			const {maxBytes} = await import('../node/library/limits.js');
			return loadArticle(locateArticle(id, context.libraryFolder), maxBytes(context.env));
		},
		reading: article => readingKey(article, store),
		startArticle,
		leavingQuits: startArticle !== undefined && !inLibrary(startArticle, context.libraryFolder),
		onQuit(how) {
			exitCode = how === 'interrupt' ? ExitCode.interrupted : ExitCode.ok;
		},
		links: sessionLinks(context, run => {
			const result = handOverTerminal(input, process.stdout, run);
			// The screen is blank again: the next frame is drawn whole.
			program?.clear();
			return result;
		}),
		files: articleFiles(context),
		// Colour off (NO_COLOR, --no-color) means plain text: no hyperlinks either, unless the setting says always.
		hyperlinks: hyperlinksFor(process.stdout, options.hyperlinks ?? hyperlinksSetting(display.hyperlinks) ?? (display.colour ? undefined : false)),
	};

	try {
		await runFullScreen({
			input,
			output: process.stdout,
			env: context.env,
			save() {
				// Each open article saves its own position: one failing must not stop the others.
				for (const flush of flushers) {
					try {
						flush();
					} catch {}
				}
			},
			start() {
				const instance = render(
					<FlushContext.Provider value={flushers}><App session={session} /></FlushContext.Provider>,
					{stdin: input, exitOnCtrlC: false, patchConsole: false, maxFps: 120},
				);
				program = instance;
				return instance;
			},
		});
	} finally {
		closeKeyboard(input);
		for (const message of store.warnings.slice(warnedBefore)) {
			warn(context, message);
		}
	}

	return exitCode;
}

/** Whether an article is one of the library's: by id, or a file inside its folder (opened by path). */
function inLibrary(article: Article, folder: string): boolean {
	if (article.origin.kind !== 'file') {
		return article.origin.kind === 'library';
	}

	try {
		return isInside(realpathSync(folder), article.origin.path);
	} catch {
		return false;
	}
}

function readingKey(article: Article, store: StateStore) {
	return article.origin.kind === 'stdin' ? undefined : {store, key: articleStateKey(article.origin.path)};
}

async function libraryArticles(context: CommandContext, store: StateStore): Promise<Array<ArticleInfo & ReadingStats>> {
	try {
		return (await listLibrary(context.libraryFolder, context.env, store)).articles;
	} catch (error) {
		// A missing library folder is an empty library screen, which says how to add articles.
		if (error instanceof FolioError) {
			return [];
		}

		throw error;
	}
}
