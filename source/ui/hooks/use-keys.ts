import {createContext, useContext, useEffect, useRef} from 'react';

/** Receives one key name at a time (see `keyNames`). */
export type KeyHandler = (key: string) => void;

/** The App owns input; the active screen registers the one handler that receives keys. */
export const KeyHandlerContext = createContext<{current: KeyHandler | undefined}>({current: undefined});

/**
 * Make `handler` the receiver of every key while the calling screen is mounted.
 *
 * @example
 * useKeys(key => setState(state => readerKey(state, key, document, viewport)));
 */
export function useKeys(handler: KeyHandler): void {
	const slot = useContext(KeyHandlerContext);
	const latest = useRef(handler);
	latest.current = handler;
	useEffect(() => {
		const forward: KeyHandler = key => latest.current(key);
		slot.current = forward;
		return () => {
			if (slot.current === forward) {
				slot.current = undefined;
			}
		};
	}, [slot]);
}
