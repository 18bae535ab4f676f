import {createContext, useContext, useLayoutEffect} from 'react';

/** Receives one key name at a time (see `keyNames`). */
export type KeyHandler = (key: string) => void;

/** The App owns input; the active screen registers the one handler that receives keys. */
export const KeyHandlerContext = createContext<{current: KeyHandler | undefined}>({current: undefined});

/**
 * Make `handler` the receiver of every key while the calling screen is mounted. Pass a stable
 * handler (a `dispatch`, or one made with `useCallback`): a new one re-registers.
 *
 * @example
 * const [state, dispatch] = useStepRunner(...);
 * useKeys(dispatch);
 */
export function useKeys(handler: KeyHandler): void {
	const slot = useContext(KeyHandlerContext);
	// A layout effect runs in the commit that draws the screen: a key typed as soon as the screen
	// shows already reaches it (a passive effect runs later, and such a key would be lost).
	useLayoutEffect(() => {
		slot.current = handler;
		return () => {
			if (slot.current === handler) {
				slot.current = undefined;
			}
		};
	}, [slot, handler]);
}
