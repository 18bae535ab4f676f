import {minimumWidth} from '../text/width.js';

/** Below this many columns the TOC is an overlay instead of a pane. */
export const overlayBelow = 70;

export type ReaderLayout = {
	/** Rows the app draws: one less than the terminal, so Ink never redraws the whole screen. */
	frameHeight: number;
	bodyHeight: number;
	/** Columns the article is rendered at: at most `maxWidth`. */
	bodyWidth: number;
	/** Blank columns before the body, centring it in the space it has. */
	bodyMargin: number;
	toc: 'pane' | 'overlay' | 'hidden';
	/** Columns of the TOC pane's text (the pane adds a border column). */
	tocWidth: number;
};

/** Rows at the top of the contents pane taken by its title (`📑 Table of Contents`). */
export const tocTitleRows = 1;

/** The settings that shape the page. */
export type PageOptions = {
	/** The widest the text is set. @default 100 */
	maxWidth?: number;
	/** Columns of the TOC pane's text, or `auto` (28% of the terminal, 18 to 36). @default 'auto' */
	tocWidth?: number | 'auto';
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
 * is wide and `tocVisible`, an overlay when it is narrow and `overlayOpen`. The body is at most
 * `maxWidth` columns wide, centred in the columns beside the pane.
 */
export function readerLayout(columns: number, rows: number, toc: {tocVisible: boolean; overlayOpen: boolean}, sectionCount: number, page: PageOptions = {}): ReaderLayout {
	const frameHeight = frameRows(rows);
	const bodyHeight = bodyRows(rows);
	const narrow = columns < overlayBelow;
	const wantsToc = (narrow ? toc.overlayOpen : toc.tocVisible) && sectionCount > 0;
	const maxWidth = Math.max(minimumWidth, page.maxWidth ?? 100);
	const body = (space: number) => {
		const bodyWidth = Math.max(minimumWidth, Math.min(maxWidth, space));
		return {bodyWidth, bodyMargin: Math.max(0, Math.floor((space - bodyWidth) / 2))};
	};

	if (wantsToc && !narrow) {
		const wanted = page.tocWidth === undefined || page.tocWidth === 'auto' ? Math.max(18, Math.min(36, Math.round(columns * 0.28))) : page.tocWidth;
		const tocWidth = Math.max(12, Math.min(wanted, columns - minimumWidth - 2));
		return {frameHeight, bodyHeight, ...body(columns - tocWidth - 2), toc: 'pane', tocWidth};
	}

	return {
		frameHeight,
		bodyHeight,
		...body(columns),
		toc: wantsToc ? 'overlay' : 'hidden',
		tocWidth: Math.max(1, columns),
	};
}
