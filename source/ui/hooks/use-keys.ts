import {createContext, useContext, useEffect} from 'react';

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
	useEffect(() => {
		slot.current = handler;
		return () => {
			if (slot.current === handler) {
				slot.current = undefined;
			}
		};
	}, [slot, handler]);
}
