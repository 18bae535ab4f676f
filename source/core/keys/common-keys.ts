import {commandFor, type Command} from './keymap.js';
import {helpLast, helpPage, type HelpView} from './help.js';
import {moveBy} from './movement.js';
import {step, type ExitEffect, type Step} from './step.js';

/** What every screen's state has: a help overlay, scrolled by `helpOffset` lines. */
type ScreenState = {help: boolean; helpOffset?: number};

/**
 * Keys while the help screen is shown, the same on every screen: the movement keys scroll it,
 * Esc, ? and q close it, Ctrl+C interrupts; other keys do nothing.
 */
export function keyOverHelp<S extends ScreenState>(state: S, key: string, view: HelpView): Step<S, ExitEffect> {
	const command = commandFor('help', key);
	if (command === 'interrupt') {
		return step(state, {kind: 'exit', how: 'interrupt'});
	}

	if (command === 'back') {
		return step({...state, help: false, helpOffset: 0});
	}

	const last = helpLast(view);
	const target = command && moveBy(command, Math.min(state.helpOffset ?? 0, last), helpPage(view.height), last);
	return step(target === undefined ? state : {...state, helpOffset: Math.max(0, Math.min(last, target))});
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
