import {createSupportsHyperlinks} from 'supports-hyperlinks';

/**
 * Whether links are drawn as OSC 8 hyperlinks on `stream`: `--hyperlinks`/`--no-hyperlinks`
 * when given, else what `supports-hyperlinks` says of the terminal (it honours
 * `FORCE_HYPERLINK=1` and `=0`).
 */
export function hyperlinksFor(stream: {isTTY?: boolean}, flag: boolean | undefined): boolean {
	return flag ?? createSupportsHyperlinks(stream);
}
