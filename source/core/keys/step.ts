/** How a screen is left: back to the library, quit with `q`, or interrupted with Ctrl+C. */
export type Exit = 'back' | 'quit' | 'interrupt';

/** Leave the current screen. Every screen can ask for it. */
export type ExitEffect = {kind: 'exit'; how: Exit};

/**
 * What a reducer returns: the next state and the work to do, which a runner in `source/ui`
 * performs. A reducer never does the work itself, so it can be tested with plain calls.
 */
export type Step<S, E> = {state: S; effects: E[]};

/** A step with `state` and these effects. */
export function step<S, E>(state: S, ...effects: E[]): Step<S, E> {
	return {state, effects};
}
