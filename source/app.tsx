import React, {useCallback, useRef, useState} from 'react';
import {useApp, useInput, type Key} from 'ink';
import type {Article} from './core/article/article.js';
import {keyNames} from './core/keys/keymap.js';
import type {ArticleInfo} from './core/article/article.js';
import type {FindInArticle, LibraryState, ReadingStats} from './core/library/library-state.js';
import type {FindText} from './ui/hooks/use-text-search.js';
import type {RenderStyle} from './core/markdown/render.js';
import {LibraryScreen} from './ui/components/LibraryScreen.js';
import type {Exit} from './core/keys/step.js';
import {loadReader, loadedReader} from './ui/load-reader.js';
import {KeyHandlerContext, type KeyHandler} from './ui/hooks/use-keys.js';
import type {ReadingStateStore} from './ui/hooks/use-reading-state.js';
import {useTerminalSize} from './ui/hooks/use-terminal-size.js';
import {emptyHistory, type History} from './core/reader/history.js';
import type {ArticleFiles} from './ui/hooks/use-live-article.js';
import {useReaderNavigator, type ReaderTarget, type SessionLinks} from './ui/hooks/use-reader-navigator.js';
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
	initialItems?: Array<ArticleInfo & ReadingStats>;
	/** Articles of the library with their reading state, read fresh each time. */
	listLibrary: () => Promise<Array<ArticleInfo & ReadingStats>>;
	/** Find a library filter's words in the articles' text, for the library screen. */
	findText?: FindText;
	/** Open a library article by id. */
	openArticle: (id: string) => Promise<Article>;
	/** The store key for an article, or undefined when its state is not kept (stdin). */
	reading: (article: Article) => ReadingStateStore | undefined;
	/** The article given on the command line, if any: the App starts in the reader. */
	startArticle?: Article;
	/** Leaving the reader quits: the start article (a file outside the library, or stdin) has no library to go back to. */
	leavingQuits?: boolean;
	/** Called when the user quits; `interrupt` for Ctrl+C. */
	onQuit: (how: 'quit' | 'interrupt') => void;
	/** Following links to other articles and the web, and the editor; without it the reader follows anchors only. */
	links?: SessionLinks;
	/** Live reload; without it the article is read once. */
	files?: ArticleFiles;
	/** Links as OSC 8 hyperlinks in the reader. @default false */
	hyperlinks?: boolean;
};

type Screen =
	| {kind: 'library'; items: Array<ArticleInfo & ReadingStats>; state?: LibraryState; message?: string}
	| ({kind: 'reader'; libraryState?: LibraryState; find?: FindInArticle} & ReaderTarget);

/** The Ink root: owns input and switches between the library and the reader. */
export function App({session}: {session: AppSession}) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const [screen, setScreen] = useState<Screen>(() => session.startArticle
		? {kind: 'reader', article: session.startArticle}
		: {kind: 'library', items: session.initialItems ?? []});
	const handler = useRef<KeyHandler | undefined>(undefined);

	// One command per character, in order: keys typed quickly arrive as one string.
	useInput(useCallback((input: string, key: Key) => {
		for (const name of keyNames(input, key)) {
			handler.current?.(name);
		}
	}, []));

	const quit = useCallback((how: Exit) => {
		session.onQuit(how === 'interrupt' ? 'interrupt' : 'quit');
		exit();
	}, [session, exit]);

	// A file or stdin opened by itself has no library to go back to: leaving it quits, as in less or glow.
	const leavingQuits = session.leavingQuits === true;
	const onReaderExit = useCallback((how: Exit) => {
		if (how === 'back' && !leavingQuits) {
			void session.listLibrary().then(items => {
				setScreen(previous => ({kind: 'library', items, state: previous.kind === 'reader' ? previous.libraryState : undefined}));
			});
		} else {
			quit(how === 'back' ? 'quit' : how);
		}
	}, [session, quit, leavingQuits]);

	const onOpen = useCallback((id: string, state: LibraryState, find?: FindInArticle) => {
		void (async () => {
			try {
				const [article] = await Promise.all([session.openArticle(id), loadReader()]);
				setScreen({kind: 'reader', article, libraryState: state, find});
			} catch (error) {
				const items = await session.listLibrary();
				setScreen({kind: 'library', items, state, message: error instanceof Error ? error.message : String(error)});
			}
		})();
	}, [session]);

	// The history of places outlives each reader: H goes back across articles.
	const history = useRef<History>(emptyHistory);
	const show = useCallback((target: ReaderTarget) => {
		setScreen(previous => ({kind: 'reader', ...target, libraryState: previous.kind === 'reader' ? previous.libraryState : undefined}));
	}, []);
	const navigator = useReaderNavigator(session.links, screen.kind === 'reader' ? screen.article : undefined, show, history);

	const Reader = loadedReader();

	return (
		<ThemeContext.Provider value={session.display?.theme ?? darkTheme}>
		<KeyHandlerContext.Provider value={handler}>
			{screen.kind === 'library'
				? <LibraryScreen items={screen.items} folder={session.folder} columns={columns} rows={rows} initial={screen.state} message={screen.message} findText={session.findText} onOpen={onOpen} onExit={quit} />
				: Reader && <Reader key={screen.article.id} article={screen.article} start={screen.start} find={screen.find} columns={columns} rows={rows} style={session.style} page={session.display?.page} icons={session.display?.icons} reading={session.reading(screen.article)} navigator={navigator} files={session.files} hyperlinks={session.hyperlinks} onExit={onReaderExit} />}
		</KeyHandlerContext.Provider>
		</ThemeContext.Provider>
	);
}
