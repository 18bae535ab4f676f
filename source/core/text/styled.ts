/** Styled text: SGR sequences among the characters, measured and trimmed without losing them. */

/** Styled text without spaces at either end, even where styling opens before them or closes after them. */
export function trimStyled(text: string): string {
	return trimEndStyled(trimStartStyled(text));
}

/** Drop leading white space, keeping the styling among it. One pass: no regex backtracking. */
function trimStartStyled(text: string): string {
	let kept = '';
	let index = 0;
	while (index < text.length) {
		if (text[index] === '\u001B' && text[index + 1] === '[') {
			const end = sgrEnd(text, index);
			if (end === -1) {
				break;
			}

			kept += text.slice(index, end);
			index = end;
		} else if (text[index] === ' ' || text[index] === '\t' || text[index] === '\n') {
			index++;
		} else {
			break;
		}
	}

	return index === 0 ? text : kept + text.slice(index);
}

/** Drop trailing white space, keeping the styling among it. */
export function trimEndStyled(text: string): string {
	let kept = '';
	let end = text.length;
	while (end > 0) {
		const character = text[end - 1];
		if (character === ' ' || character === '\t' || character === '\n') {
			end--;
		} else if (character === 'm') {
			const start = text.lastIndexOf('\u001B[', end - 2);
			if (start === -1 || sgrEnd(text, start) !== end) {
				break;
			}

			kept = text.slice(start, end) + kept;
			end = start;
		} else {
			break;
		}
	}

	return end === text.length ? text : text.slice(0, end) + kept;
}

/** The index after an SGR sequence starting at `start`, or -1 when it is not one. */
function sgrEnd(text: string, start: number): number {
	let index = start + 2;
	while (index < text.length && ((text[index] >= '0' && text[index] <= '9') || text[index] === ';')) {
		index++;
	}

	return text[index] === 'm' ? index + 1 : -1;
}

/**
 * The SGR attributes in effect after a run of sequences, so a wrapped line can reopen exactly
 * the styling that was open where it broke, in one sequence, however many came before.
 */
export class SgrState {
	private readonly attributes = new Map<string, string>();
	/** The OSC 8 hyperlink open, as its opening sequence, or ''. */
	private link = '';

	/** Apply every SGR sequence and OSC 8 hyperlink in a piece of styled text. */
	applyAll(text: string): void {
		if (text.includes('\u001B')) {
			for (const sequence of text.match(styleSequences) ?? []) {
				if (sequence.startsWith('\u001B]')) {
					this.link = sequence.startsWith('\u001B]8;;\u0007') ? '' : sequence;
				} else {
					this.apply(sequence);
				}
			}
		}
	}

	apply(sequence: string): void {
		const codes = sequence.slice(2, -1).split(';').map(code => (code === '' ? 0 : Number(code)));
		for (let index = 0; index < codes.length; index++) {
			const code = codes[index];
			if (code === 0) {
				this.attributes.clear();
			} else if (code === 38 || code === 48) {
				const length = codes[index + 1] === 5 ? 2 : 4;
				this.attributes.set(code === 38 ? 'fg' : 'bg', codes.slice(index, index + 1 + length).join(';'));
				index += length;
			} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
				this.attributes.set('fg', String(code));
			} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
				this.attributes.set('bg', String(code));
			} else if (closing.has(code)) {
				for (const name of closing.get(code)!) {
					this.attributes.delete(name);
				}
			} else {
				this.attributes.set(String(code), String(code));
			}
		}
	}

	/** What reopens the current styling and hyperlink on a new line, or '' when none is open. */
	sequence(): string {
		return (this.attributes.size === 0 ? '' : `\u001B[${[...this.attributes.values()].join(';')}m`) + this.link;
	}

	/** What ends the current styling and hyperlink at a line's end, or '' when none is open. */
	closing(): string {
		return (this.link === '' ? '' : '\u001B]8;;\u0007') + (this.attributes.size === 0 ? '' : '\u001B[0m');
	}
}

// eslint-disable-next-line no-control-regex
const styleSequences = /\u001B\[[\d;]*m|\u001B\]8;[^\u0007\u001B]*\u0007/g;

// Codes that end an attribute, and the attributes they end.
const closing = new Map<number, string[]>([
	[22, ['1', '2']], [23, ['3']], [24, ['4']], [25, ['5']], [27, ['7']], [28, ['8']], [29, ['9']], [39, ['fg']], [49, ['bg']],
]);
