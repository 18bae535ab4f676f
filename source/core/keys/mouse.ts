/** A mouse report the terminal sends in SGR (1006) mode, with 0-based cell coordinates. */
export type MouseEvent = {
	action: 'wheelUp' | 'wheelDown' | 'press' | 'release' | 'drag';
	/** 0 left, 1 middle, 2 right. */
	button: number;
	column: number;
	row: number;
};

// ESC [ < button ; column ; row M|m — Ink hands it over with or without the ESC.
// eslint-disable-next-line no-control-regex
const sgrReport = /^\u001B?\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])$/;

/** Switch SGR mouse reporting on (button presses and the wheel) and off. */
export const mouseReportingOn = '\u001B[?1000h\u001B[?1006h';
export const mouseReportingOff = '\u001B[?1006l\u001B[?1000l';

/** Read one SGR mouse report; undefined for anything else. */
export function parseMouse(input: string): MouseEvent | undefined {
	const match = sgrReport.exec(input);
	if (!match) {
		return undefined;
	}

	const code = Number(match[1]);
	const column = Number(match[2]) - 1;
	const row = Number(match[3]) - 1;
	if (column < 0 || row < 0) {
		return undefined;
	}

	const button = code & 3;
	if (code & 64) {
		return button === 0 || button === 1 ? {action: button === 0 ? 'wheelUp' : 'wheelDown', button: 0, column, row} : undefined;
	}

	const action = match[4] === 'm' ? 'release' : (code & 32 ? 'drag' : 'press');
	return {action, button, column, row};
}

/** The key name a mouse event travels under with the keys (`wheelDown@12,3`). */
export function mouseKeyName(event: MouseEvent): string {
	return `${event.action}${event.button > 0 ? event.button : ''}@${event.column},${event.row}`;
}

/** The mouse event a key name carries, if it is one. */
export function mouseFromKeyName(key: string): MouseEvent | undefined {
	const match = /^(wheelUp|wheelDown|press|release|drag)([12])?@(\d+),(\d+)$/.exec(key);
	if (!match) {
		return undefined;
	}

	return {action: match[1] as MouseEvent['action'], button: Number(match[2] ?? 0), column: Number(match[3]), row: Number(match[4])};
}

/** Lines one wheel notch scrolls, as in less. */
export const wheelLines = 3;
