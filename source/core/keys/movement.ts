import type {Command} from './keymap.js';

/**
 * Where a movement command takes a position (a line, a row, a selected section) when `page`
 * positions are on screen and `last` is the end; undefined for commands that do not move. Callers
 * clamp the result. The library, the TOC and the reader all move the same way.
 */
export function moveBy(command: Command, position: number, page: number, last: number): number | undefined {
	switch (command) {
		case 'lineDown': {
			return position + 1;
		}

		case 'lineUp': {
			return position - 1;
		}

		case 'pageDown': {
			return position + Math.max(1, page - 1);
		}

		case 'pageUp': {
			return position - Math.max(1, page - 1);
		}

		case 'halfPageDown': {
			return position + Math.max(1, Math.floor(page / 2));
		}

		case 'halfPageUp': {
			return position - Math.max(1, Math.floor(page / 2));
		}

		case 'top': {
			return 0;
		}

		case 'bottom': {
			return last;
		}

		default: {
			return undefined;
		}
	}
}

/**
 * The first entry a list shows (the TOC, the library) when `height` rows show `count` entries
 * around `target`: the target sits in the middle where it can. Lists draw with it and clicks map
 * through it.
 */
export function listWindowStart(count: number, height: number, target: number): number {
	return Math.max(0, Math.min(count - height, target - Math.floor(height / 2)));
}
