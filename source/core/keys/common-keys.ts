import type {Command} from './keymap.js';
import {step, type ExitEffect, type Step} from './step.js';

/** What every screen's state has: a help overlay. */
type ScreenState = {help: boolean};

/**
 * Keys while the help screen is shown: q quits, Ctrl+C interrupts, anything else closes help.
 * The same on every screen.
 */
export function keyOverHelp<S extends ScreenState>(state: S, key: string): Step<S, ExitEffect> {
	if (key === 'ctrl+c') {
		return step(state, {kind: 'exit', how: 'interrupt'});
	}

	return key === 'q' ? step(state, {kind: 'exit', how: 'quit'}) : step({...state, help: false});
}

/** help, quit and interrupt mean the same on every screen; undefined for other commands. */
export function commonCommand<S extends ScreenState>(state: S, command: Command): Step<S, ExitEffect> | undefined {
	switch (command) {
		case 'help': {
			return step({...state, help: true});
		}

		case 'quit':
		case 'interrupt': {
			return step(state, {kind: 'exit', how: command});
		}

		default: {
			return undefined;
		}
	}
}
