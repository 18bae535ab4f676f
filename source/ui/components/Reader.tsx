import React, {useCallback, useEffect, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {Article} from '../../core/article/article.js';
import {overlayBelow, readerLayout} from '../../core/reader/layout.js';
import {currentSection, offsetFor, placeAt, progressPercent, type TextPlace} from '../../core/reader/position.js';
import {initialReaderState, readerKey, type ReaderState} from '../../core/reader/reader-state.js';
import type {RenderStyle} from '../../core/markdown/render.js';
import {headerMarks} from '../../core/reader/reader-document.js';
import type {PageOptions} from '../../core/reader/layout.js';
import {useTheme} from '../hooks/use-theme.js';
import {useKeys} from '../hooks/use-keys.js';
import {useReaderDocument} from '../hooks/use-reader-document.js';
import {usePositionSave, useReadingState, type ReadingStateStore} from '../hooks/use-reading-state.js';
import {Body} from './Body.js';
import {HelpScreen} from './HelpScreen.js';
import {StatusLine} from './StatusLine.js';
import {TocPane} from './TocPane.js';

export type ReaderExit = NonNullable<ReaderState['exit']>;

type Props = {
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
	onExit: (exit: ReaderExit) => void;
};

/**
 * The reader: TOC pane beside the article body, status line below. Keys go through `readerKey`;
 * this component only lays out what the state says.
 */
export function Reader({article, columns, rows, style, page, icons = true, reading, onExit}: Props) {
	const theme = useTheme();
	const sections = article.outline.sections;
	const opened = useReadingState(reading);
	const [state, setState] = useState<ReaderState>(() => initialReaderState(0));
	const layout = readerLayout(columns, rows, state, sections.length, page);
	const height = layout.bodyHeight;
	const document = useReaderDocument(article, layout.bodyWidth, style, opened.views, height * 2, {theme, icons});

	// Resume where the reader stopped, and keep the same place when the width changes. Both are
	// set during render so no frame is ever drawn at the wrong place.
	const shown = useRef<{document: typeof document; height: number; place?: TextPlace}>({document, height, place: opened.position});
	if (shown.current.document !== document || shown.current.place) {
		const place = shown.current.place ?? placeAt(shown.current.document, state.offset, shown.current.height);
		const offset = offsetFor(document, place, height);
		const moved = shown.current.document !== document;
		shown.current = {document, height};
		if (offset !== state.offset || moved) {
			// Line numbers of the old layout mean nothing in the new one: search goes on from the top line.
			setState(previous => ({...previous, offset, matchLine: -1}));
		}
	}

	shown.current.height = height;

	const viewport = {height, overlay: columns < overlayBelow, width: columns};
	const geometry = useRef({document, viewport});
	geometry.current = {document, viewport};
	useKeys(useCallback((key: string) => {
		setState(previous => readerKey(previous, key, geometry.current.document, geometry.current.viewport));
	}, []));

	const current = currentSection(document, state.offset, height);
	const percent = progressPercent(document, state.offset, height);
	const readSections = opened.markRead(document, state.offset, height);
	usePositionSave(opened, state.offset, () => ({...placeAt(document, state.offset, height), readSections: [...readSections]}));

	useEffect(() => {
		if (state.exit) {
			opened.flush();
			onExit(state.exit);
		}
	// eslint-disable-next-line react-hooks/exhaustive-deps -- effects through state: to become reducer effects
	}, [state.exit]);

	const frame = layout.frameHeight;
	if (state.help) {
		return <HelpScreen screens={['reader', 'toc']} height={frame} width={columns} offset={state.helpOffset} />;
	}

	const toc = (
		<TocPane
			sections={sections}
			topDepth={article.outline.topDepth}
			current={current}
			cursor={state.tocCursor}
			key={layout.toc}
			focused={state.focus === 'toc' && layout.toc !== 'hidden'}
			read={readSections}
			width={layout.toc === 'pane' ? layout.tocWidth : columns}
			height={height}
			border={layout.toc === 'pane'}
			title={(icons ? headerMarks.icons : headerMarks.words).contents}
		/>
	);
	const text = <Body document={document} offset={state.offset} height={height} width={layout.bodyWidth} query={state.query} matchLine={state.matchLine} />;
	const body = layout.bodyMargin > 0 ? <Box marginLeft={layout.bodyMargin}>{text}</Box> : text;
	const hint = state.focus === 'toc' && layout.toc !== 'hidden' ? 'Enter jump · Tab text · ? help' : '? help · q quit';
	const sectionTitle = current >= 0 ? sections[current].title : article.title;
	return (
		<Box flexDirection="column" height={frame} width={columns}>
			<Box height={height}>
				{layout.toc === 'pane' ? <>{toc}<Text> </Text>{body}</> : layout.toc === 'overlay' ? toc : body}
			</Box>
			<StatusLine width={columns} section={sectionTitle} percent={percent} draft={state.draft} message={state.message} hint={hint} />
		</Box>
	);
}
