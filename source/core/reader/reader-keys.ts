import {commonCommand, keyOverHelp} from '../keys/common-keys.js';
import {commandFor, type Command} from '../keys/keymap.js';
import {moveBy} from '../keys/movement.js';
import {step} from '../keys/step.js';
import {clampOffset, currentSection, offsetFor, sectionAt, sectionsReadOnScreen, type ReadingPosition} from './position.js';
import type {ReaderDocument} from './reader-document.js';
import {needs, tocShown, type FindMessage, type ReaderEffect, type ReaderMessage, type ReaderState, type ReaderStep, type Viewport} from './reader-state.js';
import {editSearch, jumpToMatch} from './search.js';

/**
 * Apply one message to the reader. Messages are applied one at a time to the latest state, so
 * keys that arrive together are never lost. When the top line moves, the sections whose end is
 * now on screen become read and a save is scheduled.
 */
export function readerStep(state: ReaderState, message: ReaderMessage, document: ReaderDocument, viewport: Viewport): ReaderStep {
	const next = message.kind === 'key'
		? readerKey(state, message.key, document, viewport)
		: message.kind === 'goTo' ? goTo(state, message.position, document, viewport.height) : find(state, message, document, viewport.height);
	const render = next.effects.find(effect => effect.kind === 'render');
	if (render) {
		// Not taken: nothing changes until the runner has rendered and applies the message again.
		return step(state, render);
	}

	// Whichever way the reader is left, the position is saved first.
	const effects = next.effects.flatMap((effect): ReaderEffect[] => (effect.kind === 'exit' ? [{kind: 'save', now: true}, effect] : [effect]));
	if (message.kind === 'key' && next.state.offset === state.offset) {
		return {state: next.state, effects};
	}

	const read = sectionsReadOnScreen(document, next.state.offset, viewport.height, next.state.read);
	return {state: read === next.state.read ? next.state : {...next.state, read}, effects: [...effects, {kind: 'save', now: false}]};
}

/** Show a saved place. Line numbers of another layout mean nothing here: search goes on from the top line. */
function goTo(state: ReaderState, position: ReadingPosition, document: ReaderDocument, height: number): ReaderStep {
	const target = offsetFor(document, position, height);
	return typeof target === 'number' ? scrollTo({...state, matchLine: -1}, target, document, height) : needs(state, target.needs);
}

function find(state: ReaderState, message: FindMessage, document: ReaderDocument, height: number): ReaderStep {
	if (!document.complete) {
		return needs(state, 'all');
	}

	const index = document.article.outline.sections.findIndex(section => section.slug === message.slug);
	const from = index >= 0 ? document.sectionStart(index) : 0;
	return jumpToMatch({...state, draft: undefined, query: message.query, matchLine: -1, offset: from}, document, height, 1, true);
}

function readerKey(state: ReaderState, key: string, document: ReaderDocument, viewport: Viewport): ReaderStep {
	if (state.draft !== undefined) {
		return editSearch(state, key, document, viewport.height);
	}

	if (state.help) {
		return keyOverHelp(state, key);
	}

	const screen = state.focus === 'toc' && tocShown(state, viewport) ? 'toc' : 'reader';
	const command = commandFor(screen, key);
	if (!command) {
		return step(state.message ? {...state, message: undefined} : state);
	}

	const next = {...state, message: undefined};
	return screen === 'toc' ? tocCommand(next, command, document, viewport) : bodyCommand(next, command, document, viewport);
}

/** Scroll so `offset` is the top line, once the screen below it is rendered. */
export function scrollTo(state: ReaderState, offset: number, document: ReaderDocument, height: number): ReaderStep {
	if (!document.isRendered({lines: offset + height})) {
		return needs(state, {lines: offset + height});
	}

	return step({...state, offset: clampOffset(document, offset, height)});
}

function bodyCommand(state: ReaderState, command: Command, document: ReaderDocument, {height, overlay}: Viewport): ReaderStep {
	if (command === 'bottom' && !document.complete) {
		return needs(state, 'all');
	}

	const target = moveBy(command, state.offset, height, document.lineCount);
	if (target !== undefined) {
		return scrollTo(state, target, document, height);
	}

	const common = commonCommand(state, command);
	if (common) {
		return common;
	}

	switch (command) {
		case 'nextSection': {
			return nextSection(state, document, height);
		}

		case 'previousSection': {
			const current = currentSection(document, state.offset, height);
			if (current >= 0 && document.sectionStart(current) < state.offset) {
				return scrollTo(state, document.sectionStart(current), document, height);
			}

			return scrollTo(state, current > 0 ? document.sectionStart(current - 1) : 0, document, height);
		}

		case 'search': {
			return step({...state, draft: ''});
		}

		case 'nextMatch':
		case 'previousMatch': {
			return jumpToMatch(state, document, height, command === 'nextMatch' ? 1 : -1);
		}

		case 'toggleToc': {
			const tocCursor = Math.max(0, sectionAt(document, state.offset));
			if (overlay) {
				const overlayOpen = !state.overlayOpen && document.sectionCount > 0;
				return step({...state, overlayOpen, focus: overlayOpen ? 'toc' : 'body', tocCursor});
			}

			const tocVisible = !state.tocVisible;
			return step({...state, tocVisible, focus: tocVisible ? state.focus : 'body', tocCursor});
		}

		case 'switchFocus': {
			if (document.sectionCount === 0) {
				return step({...state, message: 'this article has no sections'});
			}

			const shown = overlay ? {overlayOpen: true} : {tocVisible: true};
			return step({...state, ...shown, focus: 'toc', tocCursor: Math.max(0, sectionAt(document, state.offset))});
		}

		case 'back': {
			return step(state, {kind: 'exit', how: 'back'});
		}

		default: {
			return step(state);
		}
	}
}

function nextSection(state: ReaderState, document: ReaderDocument, height: number): ReaderStep {
	const current = currentSection(document, state.offset, height);
	for (let index = current + 1; index < document.sectionCount; index++) {
		const until = {section: Math.min(index + 1, document.sectionCount - 1)};
		if (!document.isRendered(until)) {
			return needs(state, until);
		}

		const start = document.sectionStart(index);
		if (start > state.offset) {
			const next = scrollTo(state, start, document, height);
			// Near the end the heading may already be on screen with nowhere left to scroll.
			return next.effects.length === 0 && next.state.offset === state.offset ? step({...state, message: 'last section'}) : next;
		}
	}

	return step({...state, message: 'last section'});
}

function tocCommand(state: ReaderState, command: Command, document: ReaderDocument, viewport: Viewport): ReaderStep {
	const last = Math.max(0, document.sectionCount - 1);
	const target = moveBy(command, state.tocCursor, viewport.height, last);
	if (target !== undefined) {
		return step({...state, tocCursor: Math.max(0, Math.min(last, target))});
	}

	switch (command) {
		case 'select': {
			const until = {section: Math.min(state.tocCursor + 1, last)};
			if (!document.isRendered(until)) {
				return needs(state, until);
			}

			const offset = clampOffset(document, document.sectionStart(state.tocCursor), viewport.height);
			return step({...state, offset, focus: 'body', overlayOpen: false});
		}

		case 'switchFocus':
		case 'back': {
			return step({...state, focus: 'body', overlayOpen: false});
		}

		case 'toggleToc': {
			return step(viewport.overlay ? {...state, overlayOpen: false, focus: 'body'} : {...state, tocVisible: false, focus: 'body'});
		}

		default: {
			// The overlay covers the text: keys that move it or search in it would act unseen.
			const unseen = viewport.overlay && !['help', 'quit', 'interrupt'].includes(command);
			return unseen ? step(state) : bodyCommand(state, command, document, viewport);
		}
	}
}
