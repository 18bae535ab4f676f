import {useCallback, useEffect, useLayoutEffect, useState} from 'react';
import {StepRunner, type StepRunnerOptions} from '../step-runner.js';

/**
 * Run a pure reducer for a screen: messages (keys) are applied in order by a `StepRunner`, which
 * performs the effects the steps return; the component draws the state it commits. `options`
 * may change on every render: the runner always uses the latest. `first` messages are applied
 * before the first frame (see `StepRunner.settle`).
 *
 * @example
 * const [state, dispatch] = useStepRunner(() => initialLibraryState(), {
 * 	step: (state, key) => libraryKey(state, key, articles, page),
 * 	workFor: () => undefined,
 * 	perform: effect => (effect.kind === 'open' ? onOpen(effect.id) : onExit(effect.how)),
 * });
 */
export function useStepRunner<S, M, E>(initial: () => S, options: Omit<StepRunnerOptions<S, M, E>, 'commit'>, first: () => M[] = () => []): [S, (message: M) => void] {
	const [runner] = useState(() => {
		const created = new StepRunner<S, M, E>(initial(), {...options, commit() {}});
		for (const message of first()) {
			created.settle(message);
		}

		return created;
	});
	const [state, setState] = useState(runner.state);
	// A layout effect declared before the screen's input handler (`useKeys`, also a layout
	// effect): it has run before the first key can arrive, so no key is applied with the
	// runner's placeholder commit and left undrawn. `options` is a new object on every render:
	// the runner gets the latest closures after each one.
	useLayoutEffect(() => {
		runner.options = {...options, commit: setState};
	}, [runner, options]);
	useEffect(() => {
		runner.drawn(state);
	}, [runner, state]);
	useEffect(() => () => {
		runner.stop();
	}, [runner]);
	const dispatch = useCallback((message: M) => {
		runner.dispatch(message);
	}, [runner]);
	return [state, dispatch];
}
