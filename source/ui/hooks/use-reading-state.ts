import {createContext, useContext, useEffect, useRef, useState} from 'react';
import type {Marks} from '../../core/reader/marks.js';
import type {ReadingPosition} from '../../core/reader/position.js';
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
 * resume at and the sections read before, and saving, with a pending save that runs on every
 * way out (unmount, signals, errors).
 *
 * @example
 * const reading = useReadingState(store && {store, key: article.id});
 * reading.save({...placeAt(document, offset, height), readSections}, false);
 */
export function useReadingState(reading: ReadingStateStore | undefined) {
	const pending = useRef<(() => void) | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const flushers = useContext(FlushContext);

	const [handle] = useState(() => {
		const saved = reading ? reading.store.recordView(reading.key) : undefined;
		return {
			/** Views including this one; undefined when the article's state is not kept. */
			views: saved?.views,
			position: saved?.position as ReadingPosition | undefined,
			readSections: saved?.readSections ?? [],
			/** The article's marks as saved, each a place in the text. */
			marks: Object.fromEntries(Object.entries(saved?.marks ?? {}).map(([name, {slug, fraction, percent}]) => [name, {slug, fraction, percent}])) as Marks,
			/** Keep mark `name` at `position`. */
			setMark(name: string, position: ReadingPosition) {
				reading?.store.setMark(reading.key, name, {...position, at: new Date().toISOString()});
			},
			/** Save what is pending now. */
			flush() {
				clearTimeout(timer.current);
				const save = pending.current;
				pending.current = undefined;
				save?.();
			},
			/** Save `place` now, or once scrolling has stopped for `saveDelayMs` (or on exit, whichever comes first). */
			save(place: SavedPlace, now: boolean) {
				if (!reading) {
					return;
				}

				pending.current = () => {
					const {readSections, ...where} = place;
					reading.store.savePosition(reading.key, {...where, at: new Date().toISOString()}, readSections);
				};
				clearTimeout(timer.current);
				if (now) {
					handle.flush();
				} else {
					timer.current = setTimeout(() => {
						handle.flush();
					}, saveDelayMs);
				}
			},
		};
	});

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
