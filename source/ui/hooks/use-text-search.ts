import {useCallback, useEffect, useRef} from 'react';
import type {LibraryMessage, TextMatch} from '../../core/library/library-state.js';

/** Finds the places in the library's articles where a filter's words are. */
export type FindText = (filter: string, signal: AbortSignal) => Promise<TextMatch[]>;

/** Quiet time after a key before the text is searched: typing a word searches once, not per letter. */
export const textSearchDelayMs = 40;

/**
 * Search the articles' text as the filter is typed: each call cancels the search before it
 * (waiting or running), waits `textSearchDelayMs`, then dispatches what it found. Errors
 * (an unreadable cache folder...) leave the title matches alone: the text matches stay empty.
 */
export function useTextSearch(findText: FindText | undefined, dispatch: (message: LibraryMessage) => void): (filter: string) => void {
	const running = useRef<{timer: ReturnType<typeof setTimeout>; controller: AbortController} | undefined>(undefined);
	const cancel = useCallback(() => {
		if (running.current) {
			clearTimeout(running.current.timer);
			running.current.controller.abort();
			running.current = undefined;
		}
	}, []);
	useEffect(() => cancel, [cancel]);
	return useCallback((filter: string) => {
		cancel();
		if (!findText || filter.trim() === '') {
			dispatch({kind: 'textMatches', query: filter, matches: []});
			return;
		}

		const controller = new AbortController();
		const timer = setTimeout(() => {
			findText(filter, controller.signal).then(matches => {
				if (!controller.signal.aborted) {
					dispatch({kind: 'textMatches', query: filter, matches});
				}
			}, () => {
				if (!controller.signal.aborted) {
					dispatch({kind: 'textMatches', query: filter, matches: []});
				}
			});
		}, textSearchDelayMs);
		running.current = {timer, controller};
	}, [findText, dispatch, cancel]);
}
