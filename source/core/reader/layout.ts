import {minimumWidth} from '../text/width.js';

/** Below this many columns the TOC is an overlay instead of a pane. */
export const overlayBelow = 70;

export type ReaderLayout = {
	/** Rows the app draws: one less than the terminal, so Ink never redraws the whole screen. */
	frameHeight: number;
	bodyHeight: number;
	/** Columns the article is rendered at. */
	bodyWidth: number;
	toc: 'pane' | 'overlay' | 'hidden';
	/** Columns of the TOC pane's text (the pane adds a border column). */
	tocWidth: number;
};

/** Rows of the article body on a terminal of `rows` rows: the frame less the status line. */
export function bodyRows(rows: number): number {
	return Math.max(1, frameRows(rows) - 1);
}

function frameRows(rows: number): number {
	return Math.max(2, rows - 1);
}

/**
 * Where everything goes on a terminal of `columns` × `rows`: the TOC is a pane when the terminal
 * is wide and `tocVisible`, an overlay when it is narrow and `overlayOpen`.
 */
export function readerLayout(columns: number, rows: number, toc: {tocVisible: boolean; overlayOpen: boolean}, sectionCount: number): ReaderLayout {
	const frameHeight = frameRows(rows);
	const bodyHeight = bodyRows(rows);
	const narrow = columns < overlayBelow;
	const wantsToc = (narrow ? toc.overlayOpen : toc.tocVisible) && sectionCount > 0;
	if (wantsToc && !narrow) {
		const tocWidth = Math.max(18, Math.min(36, Math.round(columns * 0.28)));
		return {frameHeight, bodyHeight, bodyWidth: Math.max(minimumWidth, columns - tocWidth - 2), toc: 'pane', tocWidth};
	}

	return {
		frameHeight,
		bodyHeight,
		bodyWidth: Math.max(minimumWidth, columns),
		toc: wantsToc ? 'overlay' : 'hidden',
		tocWidth: Math.max(1, columns),
	};
}
