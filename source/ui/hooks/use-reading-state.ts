import {createContext, useContext, useEffect, useRef, useState} from 'react';
import type {TextPlace} from '../../core/position.js';
import type {ReaderDocument} from '../../core/reader-document.js';
import type {StateStore} from '../../core/store.js';

/** The store and the key one article is kept under. */
export type ReadingStateStore = {store: StateStore; key: string};

/** Functions to run before the process exits (signals, errors): each saves what it holds. */
export const FlushContext = createContext<Set<() => void>>(new Set());

/** Save the position this long after scrolling stops. */
export const saveDelayMs = 800;

/**
 * Views and reading position of the open article: +1 view when it opens, the saved place to
 * resume at, sections read so far, and a position save debounced after scrolling stops and forced
 * on every exit.
 *
 * @example
 * const reading = useReadingState(store && {store, key: article.id});
 */
export function useReadingState(reading: ReadingStateStore | undefined) {
	const [opened] = useState(() => (reading ? reading.store.recordView(reading.key) : undefined));
	const [read] = useState(() => new Set(opened?.readSections ?? []));
	const position: TextPlace | undefined = opened?.position;
	const pending = useRef<(() => void) | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const flushers = useContext(FlushContext);

	const flush = () => {
		clearTimeout(timer.current);
		const save = pending.current;
		pending.current = undefined;
		save?.();
	};

	const flushRef = useRef(flush);
	flushRef.current = flush;
	useEffect(() => {
		const run = () => flushRef.current();
		flushers.add(run);
		return () => {
			run();
			flushers.delete(run);
		};
	}, [flushers]);

	return {
		/** Views including this one; undefined when the article's state is not kept. */
		views: opened?.views,
		position,
		/** Mark the sections whose end is on screen as read; returns every section read. */
		markRead(document: ReaderDocument, offset: number, height: number): ReadonlySet<string> {
			const sections = document.article.outline.sections;
			for (let index = 0; index < sections.length; index++) {
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
		/** Remember the latest place; it is saved once scrolling has stopped for `saveDelayMs`. */
		usePositionSave(place: () => TextPlace & {readSections: string[]}, offset: number) {
			useEffect(() => {
				if (!reading) {
					return;
				}

				pending.current = () => {
					const {readSections, ...where} = place();
					reading.store.savePosition(reading.key, {...where, at: new Date().toISOString()}, readSections);
				};
				clearTimeout(timer.current);
				timer.current = setTimeout(() => flushRef.current(), saveDelayMs);
			}, [offset]);
		},
		flush: () => flushRef.current(),
	};
}
