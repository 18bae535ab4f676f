import {commonCommand, keyOverHelp} from '../keys/common-keys.js';
import {readCount} from '../keys/counts.js';
import {commandFor, type Command, type Screen} from '../keys/keymap.js';
import {mouseFromKeyName} from '../keys/mouse.js';
import {moveBy} from '../keys/movement.js';
import {step} from '../keys/step.js';
import {currentSection, sectionAt, sectionsReadOnScreen} from './position.js';
import type {ReaderDocument} from './reader-document.js';
import {needs, scrollTo, showPlace, tocShown, type FindMessage, type ReaderEffect, type ReaderMessage, type ReaderState, type ReaderStep, type Viewport} from './reader-state.js';
import {edit, goToPercent, jumpingFrom, jumpToSection, linkListStep, markKey, openLinks, readerMouse, stepHistory} from './navigation.js';
import {editSearch, jumpToMatch} from './search.js';

/**
 * Apply one message to the reader. Messages are applied one at a time to the latest state, so
 * keys that arrive together are never lost. When the top line moves, the sections whose end is
 * now on screen become read and a save is scheduled.
 */
export function readerStep(state: ReaderState, message: ReaderMessage, document: ReaderDocument, viewport: Viewport): ReaderStep {
	if (message.kind === 'notice') {
		return step({...state, message: message.text});
	}

	const next = message.kind === 'key'
		? readerKey(state, message.key, document, viewport)
		: document.full ? needs(state, 'all') : message.kind === 'goTo' ? showPlace(state, message.position, document, viewport.height) : find(state, message, document, viewport.height);
	const render = next.effects.find(effect => effect.kind === 'render');
	if (render) {
		// Not taken: nothing changes until the runner has rendered and applies the message again.
		return step(state, render);
	}

	// Whichever way the reader is left, the position is saved first.
	const effects = next.effects.flatMap((effect): ReaderEffect[] => (effect.kind === 'exit' ? [{kind: 'save', now: true}, effect] : [effect]));
	// A step to another document (the end, or the whole from the end): the view reads its screen there.
	if ((message.kind === 'key' && next.state.offset === state.offset) || effects.some(effect => effect.kind === 'showEnd' || effect.kind === 'showWhole')) {
		return {state: next.state, effects};
	}

	const read = sectionsReadOnScreen(document, next.state.offset, viewport.height, next.state.read);
	return {state: read === next.state.read ? next.state : {...next.state, read}, effects: [...effects, {kind: 'save', now: false}]};
}

/** Search from the top of a section, as if typed after `/` there (a text match opened from the library). */
function find(state: ReaderState, message: FindMessage, document: ReaderDocument, height: number): ReaderStep {
	if (!document.complete) {
		return needs(state, 'all');
	}

	const index = document.article.outline.sections.findIndex(section => section.slug === message.slug);
	const from = index >= 0 ? document.sectionStart(index) : 0;
	return jumpToMatch({...state, draft: undefined, query: message.query, matchLine: -1, offset: from}, document, height, 1, true);
}

/** The screens whose keys the reader's help lists. */
export const readerHelpScreens: Screen[] = ['reader', 'toc', 'links'];

function readerKey(state: ReaderState, key: string, document: ReaderDocument, viewport: Viewport): ReaderStep {
	if (state.draft !== undefined) {
		return editSearch(state, key, document, viewport.height);
	}

	const mouse = mouseFromKeyName(key);
	if (state.help) {
		// The wheel does not close help; a key does. Help covers the body's rows and the status line.
		return mouse ? step(state) : keyOverHelp(state, key, {screens: readerHelpScreens, width: viewport.width ?? 80, height: viewport.height + 1});
	}

	if (state.links) {
		return linkListStep(state, state.links, key, document, viewport);
	}

	if (state.awaiting) {
		return markKey(state, state.awaiting, key, document, viewport.height);
	}

	if (mouse) {
		const action = readerMouse(state, mouse, document, viewport);
		if ('step' in action) {
			// A click jumps to a section: in the end of a document, once the whole is rendered.
			return document.full && action.step.state !== state ? needs(state, 'all') : action.step;
		}

		return repeated(state, action.command, action.repeat, document, viewport);
	}

	// A 0 typed first is no count (0j is j), except before %: 0% is the top, as in less.
	if (key === '0' && state.count.digits === '') {
		return step({...state, zeroTyped: true, message: undefined});
	}

	// Esc drops a count being typed, as in vim, rather than leaving the article.
	if (key === 'escape' && (state.count.digits !== '' || state.zeroTyped)) {
		return step({...state, count: {digits: ''}, zeroTyped: undefined, message: undefined});
	}

	const counted = readCount(state.count, key);
	if (counted.digit) {
		return step({...state, count: counted.count, zeroTyped: undefined, message: undefined});
	}

	const command = commandFor(screenOf(state, viewport), key);
	if (!command) {
		return step(state.message || state.count.digits !== '' || state.zeroTyped ? {...state, count: counted.count, zeroTyped: undefined, message: undefined} : state);
	}

	const next = {...state, count: counted.count, zeroTyped: undefined, message: undefined};
	if (command === 'percent') {
		return counted.given || state.zeroTyped ? goToPercent(next, counted.given ? counted.repeat : 0, document, viewport.height) : step({...next, message: 'type a number first: 50% goes half way'});
	}

	return repeated(next, command, counted.given && repeatable.has(command) ? counted.repeat : 1, document, viewport);
}

/**
 * What the end of a document shown before it has rendered (`document.full`) answers at once:
 * moving within it, leaving it, help, the contents pane and typing a search (the search itself
 * waits). The rest (sections, matches, marks, links, N%) needs the whole document and waits for it.
 */
const onTheEnd = new Set<Command>(['lineDown', 'lineUp', 'pageDown', 'pageUp', 'halfPageDown', 'halfPageUp', 'top', 'bottom', 'toggleToc', 'switchFocus', 'help', 'back', 'quit', 'interrupt', 'edit', 'search']);

/** Movements a count repeats (`5j`, `3]`, `2 Space`). */
const repeatable = new Set<Command>(['lineDown', 'lineUp', 'pageDown', 'pageUp', 'halfPageDown', 'halfPageUp', 'nextSection', 'previousSection', 'nextMatch', 'previousMatch']);

function screenOf(state: ReaderState, viewport: Viewport): 'toc' | 'reader' {
	return state.focus === 'toc' && tocShown(state, viewport) ? 'toc' : 'reader';
}

/**
 * Apply `command` `times` times, stopping early where it stops moving (the last section). A
 * step that needs more of the document is not taken: it is applied again, whole, once rendered.
 */
function repeated(state: ReaderState, command: Command, times: number, document: ReaderDocument, viewport: Viewport): ReaderStep {
	if (document.full && !(screenOf(state, viewport) === 'toc' ? command !== 'select' : onTheEnd.has(command))) {
		return needs(state, 'all');
	}

	let current: ReaderStep = {state, effects: []};
	for (let index = 0; index < times; index++) {
		const next = screenOf(current.state, viewport) === 'toc' ? tocCommand(current.state, command, document, viewport) : bodyCommand(current.state, command, document, viewport);
		if (next.effects.some(effect => effect.kind === 'render')) {
			return next;
		}

		const still = next.state.offset === current.state.offset && next.state.tocCursor === current.state.tocCursor && next.state.matchLine === current.state.matchLine;
		current = {state: next.state, effects: [...current.effects, ...next.effects]};
		if (still) {
			break;
		}
	}

	return current;
}

function bodyCommand(state: ReaderState, command: Command, document: ReaderDocument, viewport: Viewport): ReaderStep {
	const {height, overlay} = viewport;
	if (command === 'bottom' && !document.complete) {
		// The end is shown now, rendered on its own, while the rest renders behind it.
		return step(jumpingFrom(state, document, height), {kind: 'showEnd'});
	}

	if (command === 'top' && document.full) {
		return step({...jumpingFrom(state, document, height), offset: 0}, {kind: 'showWhole'});
	}

	const target = moveBy(command, state.offset, height, document.lineCount);
	if (target !== undefined) {
		// g and G are jumps: '' comes back from them, as in less.
		const from = command === 'top' || command === 'bottom' ? jumpingFrom(state, document, height) : state;
		return scrollTo(from, target, document, height);
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

		case 'links': {
			return openLinks(state, document, viewport);
		}

		case 'historyBack':
		case 'historyForward': {
			return stepHistory(state, command === 'historyBack' ? 'back' : 'forward', document, height);
		}

		case 'setMark':
		case 'jumpToMark': {
			return step({...state, awaiting: command});
		}

		case 'edit': {
			return edit(state, document, viewport);
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
			return jumpToSection(jumpingFrom(state, document, viewport.height), state.tocCursor, document, viewport.height);
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
