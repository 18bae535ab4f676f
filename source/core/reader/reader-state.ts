import type {PageOptions} from './layout.js';
import type {Count} from '../keys/counts.js';
import {step, type ExitEffect, type Step} from '../keys/step.js';
import type {LinkList} from '../links/link-list.js';
import type {LinkTarget} from '../links/resolve-link.js';
import type {Marks} from './marks.js';
import {clampOffset, offsetFor, type ReadingPosition} from './position.js';
import type {ReaderDocument, RenderTarget} from './reader-document.js';

/** Everything the reader screen remembers between keys. The document itself is not state. */
export type ReaderState = {
	/** Line of the document at the top of the body. */
	offset: number;
	focus: 'body' | 'toc';
	/** The TOC pane beside the body, on terminals wide enough for it. */
	tocVisible: boolean;
	/** The TOC overlay over the body, on narrow terminals: shown only after `t` or Tab there. */
	overlayOpen: boolean;
	/** Section selected in the TOC while it has focus. */
	tocCursor: number;
	/** Search being typed after `/`, or undefined. */
	draft?: string;
	/** The confirmed search. */
	query: string;
	/** Line of the match last jumped to, or -1. */
	matchLine: number;
	/** A short message for the status line (no match, ...). */
	message?: string;
	help: boolean;
	/** Slugs of the sections read: their end has been on screen, now or in an earlier visit. */
	read: ReadonlySet<string>;
	/** A number being typed before a key (`5j`, `50%`). */
	count: Count;
	/** A 0 was typed with no count before it: only `%` uses it (`0%`, the top). */
	zeroTyped?: boolean;
	/** `m` or `'` typed, waiting for the mark's letter. */
	awaiting?: 'setMark' | 'jumpToMark';
	/** The link list (`o`) while it is open. */
	links?: LinkList;
	/** Where the last jump (a mark, N%, a link, g, G, a TOC jump) started: `''` goes back there. */
	jumpedFrom?: ReadingPosition;
	/** The article's marks (`m` + letter). */
	marks: Marks;
	/** Lines the help screen is scrolled by. */
	helpOffset?: number;
};

/** The geometry the reducer needs. */
export type Viewport = {
	/** Rows of the body. */
	height: number;
	/** True when the TOC covers the body (narrow terminals) instead of sitting beside it. */
	overlay?: boolean;
	/** The terminal's size, to tell which pane the mouse is over; without it the mouse is ignored. */
	terminal?: {columns: number; rows: number};
	/** False for an article read from stdin: there is no file to edit. @default true */
	editable?: boolean;
	/** Columns of the terminal, for the help screen. @default 80 */
	width?: number;
	/** The page's settings, so the mouse finds the panes where the layout put them. */
	page?: PageOptions;
};

/**
 * The work a reader step asks for:
 * - `render`: the step needs more of the document than is rendered. The runner renders until
 *   `until`, then applies the same message again; the step's state and other effects are dropped.
 * - `save`: save the reading position, `now` (on the way out) or once scrolling stops.
 * - `exit`: leave the reader.
 * - `setMark`: keep mark `name` at `position` with the reading state.
 * - `remember`: the reader jumps away from `from` within the article: it joins the history.
 * - `follow`: open another article or a web address (the reader stays until it opens).
 * - `history`: step back or forward through the history of places, leaving `from`.
 * - `edit`: open the editor on the article's file at body line `line` (1-based).
 * - `showEnd`: show the document's end now, while the rest renders (`G` before it is complete);
 *   `showWhole`: leave that end for the whole document, the state's offset a line of it
 *   (`g` there, or a search that wrapped to the top).
 */
export type ReaderEffect =
	| {kind: 'render'; until: RenderTarget}
	| {kind: 'save'; now: boolean}
	| ExitEffect
	| {kind: 'setMark'; name: string; position: ReadingPosition}
	| {kind: 'remember'; from: ReadingPosition}
	| {kind: 'follow'; target: Extract<LinkTarget, {kind: 'article' | 'external'}>; from: ReadingPosition}
	| {kind: 'history'; direction: 'back' | 'forward'; from: ReadingPosition}
	| {kind: 'edit'; line: number}
	| {kind: 'showEnd' | 'showWhole'};

/**
 * What the reader reacts to: a key, a place to show (resuming, a place in the history, after a
 * width change or a reload), a search to show, or a message for the status line (what opening a
 * link or the editor did).
 */
export type ReaderMessage = {kind: 'key'; key: string} | {kind: 'goTo'; position: ReadingPosition} | FindMessage | {kind: 'notice'; text: string};

/**
 * Search for `query` from the start of the section `slug` ('' for the top), as if it had been
 * typed after `/` there: the match is lit and `n`/`N` go on from it.
 */
export type FindMessage = {kind: 'find'; query: string; slug: string};

export type ReaderStep = Step<ReaderState, ReaderEffect>;

export function initialReaderState(offset: number, read: Iterable<string> = [], marks: Marks = {}): ReaderState {
	return {offset, focus: 'body', tocVisible: true, overlayOpen: false, tocCursor: 0, query: '', matchLine: -1, help: false, read: new Set(read), count: {digits: ''}, marks};
}

/** Whether the TOC is on screen: the pane when wide, the overlay when narrow. */
export function tocShown(state: ReaderState, viewport: Viewport): boolean {
	return viewport.overlay ? state.overlayOpen : state.tocVisible;
}

/** A step that cannot be taken until the document is rendered to `until`. */
export function needs(state: ReaderState, until: RenderTarget): ReaderStep {
	return step(state, {kind: 'render', until});
}


/** Scroll so `offset` is the top line, once the screen below it is rendered. */
export function scrollTo(state: ReaderState, offset: number, document: ReaderDocument, height: number): ReaderStep {
	if (!document.isRendered({lines: offset + height})) {
		return needs(state, {lines: offset + height});
	}

	return step({...state, offset: clampOffset(document, offset, height)});
}

/** Show a place in the text. Line numbers of another layout mean nothing here: search goes on from the top line. */
export function showPlace(state: ReaderState, position: ReadingPosition, document: ReaderDocument, height: number): ReaderStep {
	const target = offsetFor(document, position, height);
	return typeof target === 'number' ? scrollTo({...state, matchLine: -1}, target, document, height) : needs(state, target.needs);
}
