import {step, type ExitEffect, type Step} from '../keys/step.js';
import type {ReadingPosition} from './position.js';
import type {RenderTarget} from './reader-document.js';

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
};

/** The geometry the reducer needs. */
export type Viewport = {
	/** Rows of the body. */
	height: number;
	/** True when the TOC covers the body (narrow terminals) instead of sitting beside it. */
	overlay?: boolean;
};

/**
 * The work a reader step asks for:
 * - `render`: the step needs more of the document than is rendered. The runner renders until
 *   `until`, then applies the same message again; the step's state and other effects are dropped.
 * - `save`: save the reading position, `now` (on the way out) or once scrolling stops.
 * - `exit`: leave the reader.
 */
export type ReaderEffect = {kind: 'render'; until: RenderTarget} | {kind: 'save'; now: boolean} | ExitEffect;

/** What the reader reacts to: a key, a place to show (resuming, or after a width change), or a search to show. */
export type ReaderMessage = {kind: 'key'; key: string} | {kind: 'goTo'; position: ReadingPosition} | FindMessage;

/**
 * Search for `query` from the start of the section `slug` ('' for the top), as if it had been
 * typed after `/` there: the match is lit and `n`/`N` go on from it.
 */
export type FindMessage = {kind: 'find'; query: string; slug: string};

export type ReaderStep = Step<ReaderState, ReaderEffect>;

export function initialReaderState(offset: number, read: Iterable<string> = []): ReaderState {
	return {offset, focus: 'body', tocVisible: true, overlayOpen: false, tocCursor: 0, query: '', matchLine: -1, help: false, read: new Set(read)};
}

/** Whether the TOC is on screen: the pane when wide, the overlay when narrow. */
export function tocShown(state: ReaderState, viewport: Viewport): boolean {
	return viewport.overlay ? state.overlayOpen : state.tocVisible;
}

/** A step that cannot be taken until the document is rendered to `until`. */
export function needs(state: ReaderState, until: RenderTarget): ReaderStep {
	return step(state, {kind: 'render', until});
}

