import type {Command} from './keymap.js';

/** What every screen's state has: a help overlay and a way out. */
type ScreenState = {help: boolean; exit?: string};

/**
 * Keys while the help screen is shown: q quits, Ctrl+C interrupts, anything else closes help.
 * The same on every screen.
 */
export function keyOverHelp<S extends ScreenState>(state: S, key: string): S {
	if (key === 'ctrl+c') {
		return {...state, exit: 'interrupt'};
	}

	return key === 'q' ? {...state, exit: 'quit'} : {...state, help: false};
}

/** help, quit and interrupt mean the same on every screen; undefined for other commands. */
export function commonCommand<S extends ScreenState>(state: S, command: Command): S | undefined {
	switch (command) {
		case 'help': {
			return {...state, help: true};
		}

		case 'quit': {
			return {...state, exit: 'quit'};
		}

		case 'interrupt': {
			return {...state, exit: 'interrupt'};
		}

		default: {
			return undefined;
		}
	}
}
