import {useCallback, useEffect, useState} from 'react';
import type {Article} from '../../core/article/article.js';
import type {RenderStyle} from '../../core/markdown/render.js';
import {bodyRows, overlayBelow, readerLayout, type PageOptions} from '../../core/reader/layout.js';
import {placeAt, type ReadingPosition} from '../../core/reader/position.js';
import {viewStep, type ReaderView, type ViewEffect, type ViewMessage} from '../../core/reader/reader-view.js';
import {renderSliceMs} from '../../core/reader/reader-document.js';
import {initialReaderState, type Viewport} from '../../core/reader/reader-state.js';
import type {FindInArticle} from '../../core/library/library-state.js';
import type {Exit} from '../../core/keys/step.js';
import {useKeys} from './use-keys.js';
import {useTheme} from './use-theme.js';
import {useLiveArticle, type ArticleFiles} from './use-live-article.js';
import {performNavigation, type ReaderNavigator} from './use-reader-navigator.js';
import {useBackgroundRender, useDocuments} from './use-reader-document.js';
import {useReadingState, type ReadingStateStore} from './use-reading-state.js';
import {useStepRunner} from './use-step-runner.js';

export type ReaderProps = {
	article: Article;
	columns: number;
	rows: number;
	style: RenderStyle;
	/** The text's widest and the pane's width, from the settings and flags. */
	page?: PageOptions;
	/** Emoji in the header and the contents title (the `icons` setting). @default true */
	icons?: boolean;
	/** Where views and positions are kept; undefined for stdin. */
	reading?: ReadingStateStore;
	/** Open at a text match found from the library: its section, then the first match there. */
	find?: FindInArticle;
	/** Where to open instead of the saved position: a link's anchor, a place in the history. */
	start?: ReadingPosition;
	/** Other articles, the history, the browser and the editor; without it only anchors are followed. */
	navigator?: ReaderNavigator;
	/** Reading the article's file again when it changes on disk; without it there is no live reload. */
	files?: ArticleFiles;
	/** Web and mail links as OSC 8 hyperlinks. @default false */
	hyperlinks?: boolean;
	onExit: (exit: Exit) => void;
};

/**
 * The reader screen's state: keys go through `viewStep` (which shows the end of a long
 * document at once for `G`); its effects (render more, save, exit) are performed here. Returns what to draw and where.
 *
 * @example
 * const {state, document, layout} = useReader(props);
 */
export function useReader({article: opened, columns, rows, style, page, icons = true, reading, find, start, navigator, files, hyperlinks, onExit}: ReaderProps) {
	const readingState = useReadingState(reading);
	const [notice, setNotice] = useState<{text: string} | undefined>(undefined);
	const article = useLiveArticle(opened, files, setNotice);
	const theme = useTheme();
	const documentAt = useDocuments(article, style, readingState.views, hyperlinks ?? false, {theme, icons});
	const sectionCount = article.outline.sections.length;
	const viewport: Viewport = {height: bodyRows(rows), overlay: columns < overlayBelow, width: columns, page, terminal: {columns, rows}, editable: article.origin.kind !== 'stdin'};

	const [shown, dispatch] = useStepRunner<ReaderView, ViewMessage, ViewEffect>(
		() => {
			const state = initialReaderState(0, readingState.readSections, readingState.marks);
			return {state, document: documentAt(readerLayout(columns, rows, state, sectionCount, page).bodyWidth)};
		},
		{
			step: (view, message) => viewStep(view, message, viewport),
			workFor: (effect, {document}) => (effect.kind === 'render' && !document.isRendered(effect.until)
				? () => document.renderToward(effect.until, renderSliceMs)
				: undefined),
			perform(effect, {state, document}) {
				switch (effect.kind) {
					case 'save': {
						readingState.save({...placeAt(document, state.offset, viewport.height), readSections: [...state.read]}, effect.now);
						break;
					}

					case 'exit': {
						onExit(effect.how);
						break;
					}

					case 'setMark': {
						readingState.setMark(effect.name, effect.position);
						break;
					}

					default: {
						performNavigation(effect, navigator, message => {
							dispatch(message);
						});
					}
				}
			},
		},
		// The first frame already shows the saved place (or the link's anchor, or the text match), and a screenful below it.
		() => (find
			? [{kind: 'find', query: find.query, slug: find.slug}]
			: [{kind: 'goTo', position: start ?? readingState.position ?? {fraction: 0, percent: 0}}]),
	);
	useEffect(() => {
		if (notice) {
			dispatch({kind: 'notice', text: notice.text});
		}
	}, [notice, dispatch]);

	const layout = readerLayout(columns, rows, shown.state, sectionCount, page);
	// The document at the width the layout wants; shown once the reader has found the same place in it.
	const wanted = documentAt(layout.bodyWidth);
	// While the end of a document is shown (G before it had rendered), the whole one renders behind it.
	const whole = shown.document.full ?? shown.document;
	const complete = useBackgroundRender(whole);
	useEffect(() => {
		// The whole document once rendered, where the end was shown; another width, another document.
		if (wanted !== shown.document && (wanted !== whole || complete)) {
			dispatch({kind: 'relayout', document: wanted});
		}
	}, [wanted, shown.document, whole, complete, dispatch]);
	useKeys(useCallback((key: string) => {
		dispatch({kind: 'key', key});
	}, [dispatch]));
	return {...shown, article, layout, readingState};
}
