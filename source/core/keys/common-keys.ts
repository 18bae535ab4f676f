import {commandFor, type Command} from './keymap.js';
import {helpLast, helpPage, type HelpView} from './help.js';
import {moveBy} from './movement.js';

/** What every screen's state has: a help overlay (scrolled by `helpOffset` lines) and a way out. */
type ScreenState = {help: boolean; helpOffset?: number; exit?: string};

/**
 * Keys while the help screen is shown, the same on every screen: the movement keys scroll it,
 * Esc, ? and q close it, Ctrl+C interrupts; other keys do nothing.
 */
export function keyOverHelp<S extends ScreenState>(state: S, key: string, view: HelpView): S {
	const command = commandFor('help', key);
	if (command === 'interrupt') {
		return {...state, exit: 'interrupt'};
	}

	if (command === 'back') {
		return {...state, help: false, helpOffset: 0};
	}

	const last = helpLast(view);
	const target = command && moveBy(command, Math.min(state.helpOffset ?? 0, last), helpPage(view.height), last);
	return target === undefined ? state : {...state, helpOffset: Math.max(0, Math.min(last, target))};
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
