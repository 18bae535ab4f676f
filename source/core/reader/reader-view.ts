import type {Step} from '../keys/step.js';
import {clampOffset, placeAt, sectionsReadOnScreen} from './position.js';
import type {ReaderDocument} from './reader-document.js';
import {readerStep} from './reader-keys.js';
import type {ReaderEffect, ReaderMessage, ReaderState, Viewport} from './reader-state.js';
import {countingMatches, matchMessage} from './search.js';

/** The reader's state and the document it is about: they change together. */
export type ReaderView = {state: ReaderState; document: ReaderDocument};

/** A reader message, or a new document to show at the same place (the width changed, the file was edited, it finished rendering). */
export type ViewMessage = ReaderMessage | {kind: 'relayout'; document: ReaderDocument};

/** The effects a view step leaves for the runner: showing the end or the start is done here. */
export type ViewEffect = Exclude<ReaderEffect, {kind: 'showEnd' | 'showWhole'}>;

/** How many screens of the end `G` renders before the whole document: room to scroll back a little. */
const endScreens = 3;

/**
 * Apply a message to the view. Reader messages go through `readerStep`; this adds what changes
 * the document shown:
 * - `G` before the document has rendered to its end shows the end at once, rendered on its own
 *   (`ReaderDocument.endPreview`), while the rest renders behind it; once the whole document is
 *   rendered, the view moves to it at the same distance from the end (the lines are the same);
 * - `g` there goes back to the top of the whole document, and so does a search that wraps;
 * - a relayout shows another document at the same place in the text.
 */
export function viewStep(view: ReaderView, message: ViewMessage, viewport: Viewport): Step<ReaderView, ViewEffect> {
	const {height} = viewport;
	const current = wholeOnceRendered(view, height);
	const {state, document} = current;
	if (message.kind === 'relayout') {
		// The whole document an end stands for, still rendering: the end stays until it is done.
		if (message.document === document || message.document === document.full) {
			return {state: current, effects: []};
		}

		const next = readerStep(state, {kind: 'goTo', position: placeAt(document, state.offset, height)}, message.document, viewport);
		return {state: {state: next.state, document: message.document}, effects: next.effects as ViewEffect[]};
	}

	const next = readerStep(state, message, document, viewport);
	const effects = next.effects.filter((effect): effect is ViewEffect => effect.kind !== 'showEnd' && effect.kind !== 'showWhole');
	if (effects.length === next.effects.length) {
		return {state: {state: next.state, document}, effects};
	}

	const whole = document.full;
	if (whole) {
		// `g` on the end, or a search that wrapped to the top: the state's offset is in the whole document, which rendered from its top.
		return moved({state: next.state, document: whole}, effects, height);
	}

	const end = document.endPreview(endScreens * height);
	if (!end) {
		// The end would reach what is not rendered yet: render the rest, then take the same step.
		return {state: current, effects: [{kind: 'render', until: 'all'}]};
	}

	return moved({state: {...next.state, offset: clampOffset(end, end.lineCount - height, height)}, document: end}, effects, height);
}

/** The view with its top line moved: the sections now read, and a save once scrolling stops. */
function moved({state, document}: ReaderView, effects: ViewEffect[], height: number): Step<ReaderView, ViewEffect> {
	const read = sectionsReadOnScreen(document, state.offset, height, state.read);
	return {state: {state: {...state, read}, document}, effects: [...effects, {kind: 'save', now: false}]};
}

/**
 * An end whose whole document has rendered gives way to it, at the same distance from the end
 * (the current match too, now counted among all of them).
 */
function wholeOnceRendered(view: ReaderView, height: number): ReaderView {
	const whole = view.document.full;
	if (!whole?.complete) {
		return view;
	}

	const shift = whole.lineCount - view.document.lineCount;
	const offset = clampOffset(whole, view.state.offset + shift, height);
	const {matchLine, message, query} = view.state;
	const match = matchLine >= 0 ? matchLine + shift : -1;
	return {state: {...view.state, offset, matchLine: match, message: message === countingMatches && match >= 0 ? matchMessage(whole, query, match) : message}, document: whole};
}
