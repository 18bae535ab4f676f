import {commandFor} from '../keys/keymap.js';
import {moveBy} from '../keys/movement.js';
import type {ArticleLink} from './extract-links.js';

/** The link list (`o`): what has been typed to filter it, and the selected row. */
export type LinkList = {
	filter: string;
	/** Index into the filtered links. */
	cursor: number;
};

export const openLinkList: LinkList = {filter: '', cursor: 0};

/** Rows of links the list shows in a pane `height` rows high: its border and title take three. */
export function linkListRows(height: number): number {
	return Math.max(1, height - 3);
}

/** The links whose text or address contains the filter (ignoring case), in document order. */
export function filterLinks(links: readonly ArticleLink[], filter: string): ArticleLink[] {
	const wanted = filter.toLowerCase();
	return wanted === '' ? [...links] : links.filter(link => link.text.toLowerCase().includes(wanted) || link.href.toLowerCase().includes(wanted));
}

/** What a key does to the open link list. */
export type LinkListStep =
	| {kind: 'list'; list: LinkList}
	| {kind: 'close'}
	| {kind: 'follow'; link: ArticleLink};

/**
 * One key in the link list, as the keymap's `links` screen binds it: `j`/`k`/arrows (and a page
 * or the ends) move, Enter follows the selected link, Esc closes, Backspace edits the filter and
 * any other printable character extends it. `page` is the rows shown.
 */
export function linkListKey(list: LinkList, key: string, links: readonly ArticleLink[], page: number): LinkListStep {
	const shown = filterLinks(links, list.filter);
	const last = Math.max(0, shown.length - 1);
	const command = commandFor('links', key);
	const target = command ? moveBy(command, list.cursor, page, last) : undefined;
	if (target !== undefined) {
		return {kind: 'list', list: {...list, cursor: Math.max(0, Math.min(last, target))}};
	}

	switch (command) {
		case 'select': {
			const link = shown[list.cursor];
			return link ? {kind: 'follow', link} : {kind: 'list', list};
		}

		case 'back':
		case 'interrupt': {
			return {kind: 'close'};
		}

		default: {
			if (key === 'backspace') {
				return {kind: 'list', list: {filter: list.filter.slice(0, -1), cursor: 0}};
			}

			const character = key === 'space' ? ' ' : key;
			// eslint-disable-next-line no-control-regex
			if ([...character].length !== 1 || /[\u0000-\u001F\u007F-\u009F]/.test(character)) {
				return {kind: 'list', list};
			}

			return {kind: 'list', list: {filter: list.filter + character, cursor: 0}};
		}
	}
}
