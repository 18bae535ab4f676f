import type {Command} from '../keys/keymap.js';
import {wheelLines, type MouseEvent} from '../keys/mouse.js';
import {listWindowStart} from '../keys/movement.js';
import {step} from '../keys/step.js';
import type {ArticleLink} from '../links/extract-links.js';
import {linkListKey, linkListRows, openLinkList, type LinkList} from '../links/link-list.js';
import {resolveLink, sectionForAnchor} from '../links/resolve-link.js';
import {readerLayout, tocTitleRows} from './layout.js';
import {isMarkName} from './marks.js';
import {clampOffset, currentSection, placeAt} from './position.js';
import type {ReaderDocument} from './reader-document.js';
import {needs, scrollTo, showPlace, type ReaderState, type ReaderStep, type Viewport} from './reader-state.js';

/**
 * The reader's navigation keys: marks, `N%`, the link list, history, the editor and the mouse.
 * Every place they keep is a content place (section slug + offset), never a line, so marks, the
 * history and `''` survive a new width and an edited file.
 */

/** The state with `jumpedFrom` set to the place at the top now: `''` comes back here. */
export function jumpingFrom(state: ReaderState, document: ReaderDocument, height: number): ReaderState {
	return {...state, jumpedFrom: placeAt(document, state.offset, height)};
}

/** The letter after `m` (set a mark) or `'` (jump to one; `''` back to where the last jump started). */
export function markKey(state: ReaderState, awaiting: 'setMark' | 'jumpToMark', key: string, document: ReaderDocument, height: number): ReaderStep {
	const next = {...state, awaiting: undefined};
	if (awaiting === 'jumpToMark' && key === '\'') {
		return next.jumpedFrom
			? showPlace(jumpingFrom(next, document, height), next.jumpedFrom, document, height)
			: step({...next, message: 'no jump to go back from yet'});
	}

	if (!isMarkName(key)) {
		return step(key === 'escape' ? next : {...next, message: 'a mark is a letter: a to z or A to Z'});
	}

	if (awaiting === 'setMark') {
		const position = placeAt(document, state.offset, height);
		return step({...next, marks: {...next.marks, [key]: position}, message: `mark ${key} set`}, {kind: 'setMark', name: key, position});
	}

	const mark = next.marks[key];
	return mark
		? showPlace(jumpingFrom(next, document, height), mark, document, height)
		: step({...next, message: `no mark ${key} (m${key} sets it)`});
}

/** `N%`: the top line N percent of the way through (the whole article is rendered first). */
export function goToPercent(state: ReaderState, percent: number, document: ReaderDocument, height: number): ReaderStep {
	if (!document.complete) {
		return needs(state, 'all');
	}

	const offset = Math.round((Math.min(100, percent) / 100) * Math.max(0, document.lineCount - height));
	return scrollTo(jumpingFrom(state, document, height), offset, document, height);
}

/** `o`: open the link list, the first link selected. */
export function openLinks(state: ReaderState, document: ReaderDocument, viewport: Viewport): ReaderStep {
	if (document.links.length === 0) {
		return step({...state, message: 'this article has no links'});
	}

	// The list opens on the first link of the section being read, the one the contents light (or
	// the next one that has links; past the last link, on the last one), not on the article's first link.
	const section = currentSection(document, state.offset, viewport.height);
	const cursor = document.links.findIndex(link => link.section >= section);
	return step({...state, links: {...openLinkList, cursor: cursor === -1 ? document.links.length - 1 : cursor}});
}

/** A key while the link list is open. The wheel moves the selection as j and k do. */
export function linkListStep(state: ReaderState, list: LinkList, key: string, document: ReaderDocument, viewport: Viewport): ReaderStep {
	const wheel = /^wheel(Up|Down)@/.exec(key);
	const listKey = wheel ? (wheel[1] === 'Down' ? 'down' : 'up') : key;
	const next = linkListKey(list, listKey, document.links, linkListRows(viewport.height));
	switch (next.kind) {
		case 'list': {
			return step({...state, links: next.list});
		}

		case 'close': {
			return key === 'ctrl+c' ? step({...state, links: undefined}, {kind: 'exit', how: 'interrupt'}) : step({...state, links: undefined});
		}

		case 'follow': {
			return follow({...state, links: undefined}, next.link, document, viewport.height);
		}
	}
}

/**
 * Follow a link: an anchor is a jump within the article (it joins the history); another
 * article or a web address is opened by the runner; any other scheme is shown, never opened.
 */
function follow(state: ReaderState, link: ArticleLink, document: ReaderDocument, height: number): ReaderStep {
	const target = resolveLink(link.href);
	const from = placeAt(document, state.offset, height);
	switch (target.kind) {
		case 'anchor': {
			const sections = document.article.outline.sections;
			const index = sectionForAnchor(sections, target.slug);
			if (index < 0) {
				return step({...state, message: target.slug === '' ? 'the link has no target' : `no section #${target.slug} in this article`});
			}

			const next = jumpToSection({...state, jumpedFrom: from}, index, document, height);
			return next.effects.some(effect => effect.kind === 'render') ? next : {state: next.state, effects: [...next.effects, {kind: 'remember', from}]};
		}

		case 'article': {
			return step({...state, jumpedFrom: from, message: `opening ${target.path} …`}, {kind: 'follow', target, from});
		}

		case 'external': {
			return step({...state, message: `opening ${target.url} …`}, {kind: 'follow', target, from});
		}

		case 'unsupported': {
			return step({...state, message: `not opened (only http, https and mailto links open): ${target.href}`});
		}
	}
}

/** Show section `index` at the top, the text focused. */
export function jumpToSection(state: ReaderState, index: number, document: ReaderDocument, height: number): ReaderStep {
	const until = {section: Math.min(index + 1, document.sectionCount - 1)};
	if (!document.isRendered(until)) {
		return needs(state, until);
	}

	return step({...state, offset: clampOffset(document, document.sectionStart(index), height), focus: 'body', overlayOpen: false});
}

/** `H` / `L`: the runner finds the place and shows it (here, or in another article). */
export function stepHistory(state: ReaderState, direction: 'back' | 'forward', document: ReaderDocument, height: number): ReaderStep {
	return step(state, {kind: 'history', direction, from: placeAt(document, state.offset, height)});
}

/** `e` / `v`: the editor at the first line of the section being read. */
export function edit(state: ReaderState, document: ReaderDocument, viewport: Viewport): ReaderStep {
	if (viewport.editable === false) {
		return step({...state, message: 'an article read from stdin cannot be edited'});
	}

	const section = currentSection(document, state.offset, viewport.height);
	const line = section >= 0 ? document.article.outline.sections[section].sourceLine + 1 : 1;
	return step(state, {kind: 'edit', line});
}

/** What a mouse event over the reader does: a step, or a movement to repeat. */
export type MouseAction = {step: ReaderStep} | {command: Command; repeat: number};

/**
 * The wheel scrolls the pane under the pointer: the text by `wheelLines` lines, the contents
 * by a section; a left click on a contents entry jumps there. Other events do nothing.
 */
export function readerMouse(state: ReaderState, mouse: MouseEvent, document: ReaderDocument, viewport: Viewport): MouseAction {
	const nothing: MouseAction = {step: {state, effects: []}};
	if (!viewport.terminal) {
		return nothing;
	}

	const layout = readerLayout(viewport.terminal.columns, viewport.terminal.rows, state, document.sectionCount, viewport.page);
	if (mouse.row >= layout.bodyHeight) {
		return nothing;
	}

	const overToc = layout.toc === 'overlay' || (layout.toc === 'pane' && mouse.column <= layout.tocWidth);
	if (mouse.action === 'wheelUp' || mouse.action === 'wheelDown') {
		const down = mouse.action === 'wheelDown';
		if (layout.toc === 'overlay') {
			// The overlay has the focus: the wheel moves its selection.
			return {command: down ? 'lineDown' : 'lineUp', repeat: 1};
		}

		return overToc ? {command: down ? 'nextSection' : 'previousSection', repeat: 1} : {command: down ? 'lineDown' : 'lineUp', repeat: wheelLines};
	}

	if (mouse.action !== 'press' || mouse.button !== 0 || !overToc) {
		return nothing;
	}

	const focused = state.focus === 'toc';
	const target = focused ? state.tocCursor : currentSection(document, state.offset, layout.bodyHeight);
	// The pane's first row is its title; the entries are below it, scrolled as TocPane scrolls them.
	const entryRows = layout.bodyHeight - tocTitleRows;
	const index = listWindowStart(document.sectionCount, entryRows, target) + mouse.row - tocTitleRows;
	if (mouse.row < tocTitleRows || index >= document.sectionCount) {
		return nothing;
	}

	return {step: jumpToSection(jumpingFrom(state, document, layout.bodyHeight), index, document, layout.bodyHeight)};
}
