import {commonCommand, keyOverHelp} from '../keys/common-keys.js';
import {commandFor, type Command} from '../keys/keymap.js';
import {moveBy} from '../keys/movement.js';
import {clampOffset, currentSection, sectionAt} from './position.js';
import type {ReaderDocument} from './reader-document.js';

/** Everything the reader screen remembers between keys. The document itself is not state. */
export type ReaderState = {
	/** Line of the document at the top of the body. */
	offset: number;
	focus: 'body' | 'toc';
	/** The TOC pane beside the body, on terminals wide enough for it. */
	tocVisible: boolean;
	/** The TOC overlay over the body, on narrow terminals: opened only with `t` or Tab there. */
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
	/** Lines the help screen is scrolled by. */
	helpOffset?: number;
	/** Set when the reader should close. */
	exit?: 'back' | 'quit' | 'interrupt';
};

/** The geometry the reducer needs. */
export type Viewport = {
	/** Rows of the body. */
	height: number;
	/** True when the TOC covers the body (narrow terminals) instead of sitting beside it. */
	overlay?: boolean;
	/** Columns of the terminal, for the help screen. @default 80 */
	width?: number;
};

export function initialReaderState(offset: number): ReaderState {
	return {offset, focus: 'body', tocVisible: true, overlayOpen: false, tocCursor: 0, query: '', matchLine: -1, help: false};
}

/** Whether the TOC is on screen: the pane when wide, the overlay when narrow. */
export function tocShown(state: ReaderState, viewport: Viewport): boolean {
	return viewport.overlay ? state.overlayOpen : state.tocVisible;
}

/**
 * Apply one key to the reader. Keys are applied one at a time to the latest state, so keys that
 * arrive together are never lost.
 */
export function readerKey(state: ReaderState, key: string, document: ReaderDocument, viewport: Viewport): ReaderState {
	if (state.draft !== undefined) {
		return editSearch(state, key, document, viewport);
	}

	if (state.help) {
		// Help covers the whole frame: the body's rows and the status line.
		return keyOverHelp(state, key, {screens: ['reader', 'toc'], width: viewport.width ?? 80, height: viewport.height + 1});
	}

	const screen = state.focus === 'toc' && tocShown(state, viewport) ? 'toc' : 'reader';
	const command = commandFor(screen, key);
	if (!command) {
		return state.message ? {...state, message: undefined} : state;
	}

	const next = {...state, message: undefined};
	return screen === 'toc' ? tocCommand(next, command, document, viewport) : bodyCommand(next, command, document, viewport);
}

function bodyCommand(state: ReaderState, command: Command, document: ReaderDocument, {height, overlay}: Viewport): ReaderState {
	const scrollTo = (offset: number) => {
		if (offset + height > document.lineCount && !document.complete) {
			document.ensureLines(offset + height);
		}

		return {...state, offset: clampOffset(document, offset, height)};
	};

	if (command === 'bottom') {
		document.ensureComplete();
	}

	const target = moveBy(command, state.offset, height, document.lineCount);
	if (target !== undefined) {
		return scrollTo(target);
	}

	const common = commonCommand(state, command);
	if (common) {
		return common;
	}

	switch (command) {
		case 'nextSection': {
			const current = currentSection(document, state.offset, height);
			for (let index = current + 1; index < document.sectionCount; index++) {
				document.ensureSection(index);
				const start = document.sectionStart(index);
				if (start > state.offset) {
					const next = scrollTo(start);
					// Near the end the heading may already be on screen with nowhere left to scroll.
					return next.offset === state.offset ? {...state, message: 'last section'} : next;
				}
			}

			return {...state, message: 'last section'};
		}

		case 'previousSection': {
			const current = currentSection(document, state.offset, height);
			if (current >= 0 && document.sectionStart(current) < state.offset) {
				return scrollTo(document.sectionStart(current));
			}

			return current > 0 ? scrollTo(document.sectionStart(current - 1)) : scrollTo(0);
		}

		case 'search': {
			return {...state, draft: ''};
		}

		case 'nextMatch':
		case 'previousMatch': {
			return jumpToMatch(state, document, height, command === 'nextMatch' ? 1 : -1);
		}

		case 'toggleToc': {
			const tocCursor = Math.max(0, sectionAt(document, state.offset));
			if (overlay) {
				const overlayOpen = !state.overlayOpen && document.sectionCount > 0;
				return {...state, overlayOpen, focus: overlayOpen ? 'toc' : 'body', tocCursor};
			}

			const tocVisible = !state.tocVisible;
			return {...state, tocVisible, focus: tocVisible ? state.focus : 'body', tocCursor};
		}

		case 'switchFocus': {
			if (document.sectionCount === 0) {
				return {...state, message: 'this article has no sections'};
			}

			const opened = overlay ? {overlayOpen: true} : {tocVisible: true};
			return {...state, ...opened, focus: 'toc', tocCursor: Math.max(0, sectionAt(document, state.offset))};
		}

		case 'back': {
			return {...state, exit: 'back'};
		}

		default: {
			return state;
		}
	}
}

function tocCommand(state: ReaderState, command: Command, document: ReaderDocument, viewport: Viewport): ReaderState {
	const last = Math.max(0, document.sectionCount - 1);
	const target = moveBy(command, state.tocCursor, viewport.height, last);
	if (target !== undefined) {
		return {...state, tocCursor: Math.max(0, Math.min(last, target))};
	}

	switch (command) {
		case 'select': {
			document.ensureSection(state.tocCursor);
			const offset = clampOffset(document, document.sectionStart(state.tocCursor), viewport.height);
			return {...state, offset, focus: 'body', overlayOpen: false};
		}

		case 'switchFocus':
		case 'back': {
			return {...state, focus: 'body', overlayOpen: false};
		}

		case 'toggleToc': {
			return viewport.overlay ? {...state, overlayOpen: false, focus: 'body'} : {...state, tocVisible: false, focus: 'body'};
		}

		default: {
			// The overlay covers the text: keys that move it or search in it would act unseen.
			const unseen = viewport.overlay && !['help', 'quit', 'interrupt'].includes(command);
			return unseen ? state : bodyCommand(state, command, document, viewport);
		}
	}
}

function editSearch(state: ReaderState, key: string, document: ReaderDocument, viewport: Viewport): ReaderState {
	const draft = state.draft ?? '';
	switch (key) {
		case 'escape':
		case 'ctrl+c': {
			return {...state, draft: undefined};
		}

		case 'backspace': {
			return draft === '' ? {...state, draft: undefined} : {...state, draft: draft.slice(0, -1)};
		}

		case 'enter': {
			const query = draft === '' ? state.query : draft;
			return jumpToMatch({...state, draft: undefined, query, matchLine: state.offset - 1}, document, viewport.height, 1, true);
		}

		default: {
			// eslint-disable-next-line no-control-regex
			if ([...key].length !== 1 || /[\u0000-\u001F\u007F-\u009F]/.test(key)) {
				return key === 'space' ? {...state, draft: draft + ' '} : state;
			}

			return {...state, draft: draft + key};
		}
	}
}

function jumpToMatch(state: ReaderState, document: ReaderDocument, height: number, direction: 1 | -1, fromOffset = false): ReaderState {
	if (state.query === '') {
		return {...state, message: 'no search yet: press / to search'};
	}

	const matches = document.findMatches(state.query);
	if (matches.length === 0) {
		return {...state, matchLine: -1, message: `not found: ${state.query}`};
	}

	const from = fromOffset ? state.offset - 1 : state.matchLine >= 0 ? state.matchLine : state.offset;
	let target = direction === 1 ? matches.find(line => line > from) : matches.findLast(line => line < from);
	let message: string | undefined;
	if (target === undefined) {
		target = direction === 1 ? matches[0] : matches.at(-1)!;
		message = direction === 1 ? 'search wrapped to the top' : 'search wrapped to the bottom';
	}

	const position = matches.indexOf(target) + 1;
	return {
		...state,
		matchLine: target,
		offset: clampOffset(document, target, height),
		message: message ?? `match ${position} of ${matches.length}`,
	};
}
