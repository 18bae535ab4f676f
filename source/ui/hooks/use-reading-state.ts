import {createContext, useContext, useEffect, useRef, useState} from 'react';
import {sectionAt, type ReadingPosition} from '../../core/reader/position.js';
import type {ReaderDocument} from '../../core/reader/reader-document.js';
import type {StateStore} from '../../node/state/store.js';

/** The store and the key one article is kept under. */
export type ReadingStateStore = {store: StateStore; key: string};

/** Where the reader is, as saved: the place in the text and the sections read so far. */
export type SavedPlace = ReadingPosition & {readSections: string[]};

/** Functions to run before the process exits (signals, errors): each saves what it holds. */
export const FlushContext = createContext<Set<() => void>>(new Set());

/** Save the position this long after scrolling stops. */
export const saveDelayMs = 800;

export type ReadingState = ReturnType<typeof useReadingState>;

/**
 * Views and reading position of the open article: +1 view when it opens, the saved place to
 * resume at, sections read so far, and a pending save that runs on every exit.
 *
 * @example
 * const reading = useReadingState(store && {store, key: article.id});
 * usePositionSave(reading, offset, () => ({...placeAt(document, offset, height), readSections}));
 */
export function useReadingState(reading: ReadingStateStore | undefined) {
	const [saved] = useState(() => (reading ? reading.store.recordView(reading.key) : undefined));
	const [read] = useState(() => new Set(saved?.readSections ?? []));
	const pending = useRef<(() => void) | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const flushers = useContext(FlushContext);

	const [handle] = useState(() => ({
		/** Views including this one; undefined when the article's state is not kept. */
		views: saved?.views,
		position: saved?.position as ReadingPosition | undefined,
		/** Save what is pending now. */
		flush() {
			clearTimeout(timer.current);
			const save = pending.current;
			pending.current = undefined;
			save?.();
		},
		/** Save `place()` once scrolling has stopped for `saveDelayMs`, or on exit, whichever comes first. */
		schedule(place: () => SavedPlace) {
			if (!reading) {
				return;
			}

			pending.current = () => {
				const {readSections, ...where} = place();
				reading.store.savePosition(reading.key, {...where, at: new Date().toISOString()}, readSections);
			};
			clearTimeout(timer.current);
			timer.current = setTimeout(() => {
				handle.flush();
			}, saveDelayMs);
		},
		/** Mark the sections whose end is on screen as read; returns every section read. */
		markRead(document: ReaderDocument, offset: number, height: number): ReadonlySet<string> {
			const sections = document.article.outline.sections;
			// Only sections that end on screen can become read: start at the one under the top line.
			for (let index = Math.max(0, sectionAt(document, offset)); index < sections.length; index++) {
				const start = document.sectionStart(index);
				if (start < 0 || start >= offset + height) {
					break;
				}

				const end = document.sectionEnd(index);
				if (end <= offset + height && (end > offset || start >= offset)) {
					read.add(sections[index].slug);
				}
			}

			return read;
		},
	}));

	useEffect(() => {
		const run = () => {
			handle.flush();
		};

		flushers.add(run);
		return () => {
			run();
			flushers.delete(run);
		};
	}, [flushers, handle]);

	return handle;
}

/**
 * Schedule a save of the reading position whenever the top line changes. The place is computed
 * when the save runs, from the latest render, so it never describes an old layout.
 */
export function usePositionSave(reading: ReadingState, offset: number, place: () => SavedPlace): void {
	const latest = useRef(place);
	latest.current = place;
	useEffect(() => {
		reading.schedule(() => latest.current());
	}, [reading, offset]);
}
