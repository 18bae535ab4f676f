import React, {useCallback, useRef, useState} from 'react';
import {useApp, useInput} from 'ink';
import type {Article} from './core/article/article.js';
import {keyNames} from './core/keys/keymap.js';
import type {LibraryItem, LibraryState} from './core/library/library-state.js';
import type {RenderStyle} from './core/markdown/render.js';
import {LibraryScreen} from './ui/components/LibraryScreen.js';
import type {ReaderExit} from './ui/components/Reader.js';
import {loadReader, loadedReader} from './ui/load-reader.js';
import {KeyHandlerContext, type KeyHandler} from './ui/hooks/use-keys.js';
import type {ReadingStateStore} from './ui/hooks/use-reading-state.js';
import {useTerminalSize} from './ui/hooks/use-terminal-size.js';
import {ThemeContext} from './ui/hooks/use-theme.js';
import {darkTheme, type Theme} from './core/theme/theme.js';
import type {PageOptions} from './core/reader/layout.js';

/** What the App needs from the outside world; it never sees argv. */
export type AppSession = {
	style: RenderStyle;
	/** The colours (mono when colour is off), the emoji setting and the page's widths. @default dark, icons, 100 columns */
	display?: {theme: Theme; icons: boolean; page: PageOptions};
	folder: string;
	/** The library's articles with their reading state, when the App starts in the library. */
	initialItems?: LibraryItem[];
	/** Articles of the library with their reading state, read fresh each time. */
	listLibrary: () => Promise<LibraryItem[]>;
	/** Open a library article by id. */
	openArticle: (id: string) => Promise<Article>;
	/** The store key for an article, or undefined when its state is not kept (stdin). */
	reading: (article: Article) => ReadingStateStore | undefined;
	/** The article given on the command line, if any: the App starts in the reader. */
	startArticle?: Article;
	/** Called when the user quits; `interrupt` for Ctrl+C. */
	onQuit: (how: 'quit' | 'interrupt') => void;
};

type Screen =
	| {kind: 'library'; items: LibraryItem[]; state?: LibraryState; message?: string}
	| {kind: 'reader'; article: Article; libraryState?: LibraryState};

/** The Ink root: owns input and switches between the library and the reader. */
export function App({session}: {session: AppSession}) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const [screen, setScreen] = useState<Screen>(() => session.startArticle
		? {kind: 'reader', article: session.startArticle}
		: {kind: 'library', items: session.initialItems ?? []});
	const handler = useRef<KeyHandler | undefined>(undefined);

	useInput((input, key) => {
		for (const name of keyNames(input, key)) {
			handler.current?.(name);
		}
	});

	const quit = useCallback((how: 'quit' | 'interrupt') => {
		session.onQuit(how);
		exit();
	}, [session, exit]);

	const onReaderExit = useCallback((how: ReaderExit) => {
		if (how === 'back') {
			void session.listLibrary().then(items => {
				setScreen(previous => ({kind: 'library', items, state: previous.kind === 'reader' ? previous.libraryState : undefined}));
			});
		} else {
			quit(how);
		}
	}, [session, quit]);

	const onOpen = useCallback((id: string, state: LibraryState) => {
		void (async () => {
			try {
				const [article] = await Promise.all([session.openArticle(id), loadReader()]);
				setScreen({kind: 'reader', article, libraryState: state});
			} catch (error) {
				const items = await session.listLibrary();
				setScreen({kind: 'library', items, state: {...state, opened: undefined}, message: error instanceof Error ? error.message : String(error)});
			}
		})();
	}, [session]);

	const Reader = loadedReader();

	return (
		<ThemeContext.Provider value={session.display?.theme ?? darkTheme}>
		<KeyHandlerContext.Provider value={handler}>
			{screen.kind === 'library'
				? <LibraryScreen items={screen.items} folder={session.folder} columns={columns} rows={rows} initial={screen.state} message={screen.message} onOpen={onOpen} onExit={quit} />
				: Reader && <Reader key={screen.article.id} article={screen.article} columns={columns} rows={rows} style={session.style} page={session.display?.page} icons={session.display?.icons} reading={session.reading(screen.article)} onExit={onReaderExit} />}
		</KeyHandlerContext.Provider>
		</ThemeContext.Provider>
	);
}
