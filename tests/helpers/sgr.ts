// eslint-disable-next-line no-control-regex
const sgrSequence = /\u001B\[([\d;]*)m/g;

/** The parameters of every SGR sequence in `text`, one per entry: `\e[1;33m` gives 1 and 33. */
export function sgrParameters(text: string): string[] {
	return [...text.matchAll(sgrSequence)].flatMap(match => match[1].split(';'));
}

/** SGR parameters that set a colour (foreground 30–38, 90–97; background 40–48, 100–107), not the resets 39 and 49. */
export function colourParameters(text: string): string[] {
	return sgrParameters(text).filter(code => /^(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(code));
}
