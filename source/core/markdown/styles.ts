import type {ChalkInstance} from 'chalk';

/** How each kind of text is drawn: one function per kind, so a theme can replace them all at once. */
export type Styles = Record<
	| 'code' | 'codeWrap' | 'blockquote' | 'quoteBar' | 'html' | 'heading' | 'firstHeading' | 'hr'
	| 'listMarker' | 'strong' | 'em' | 'codespan' | 'kbd' | 'del' | 'link' | 'href' | 'image'
	| 'footnote' | 'text' | 'tableBorder' | 'tableHeader',
	(text: string) => string
>;

/** The colours folio draws with in `ansi` style, from the 16 every terminal has. */
export function ansiStyles(chalk: ChalkInstance): Styles {
	const same = (text: string) => text;
	return {
		code: chalk.yellow,
		codeWrap: chalk.gray,
		blockquote: chalk.gray.italic,
		quoteBar: chalk.gray,
		html: chalk.gray,
		heading: chalk.green.bold,
		firstHeading: chalk.magenta.underline.bold,
		hr: chalk.gray,
		listMarker: same,
		strong: chalk.bold,
		em: chalk.italic,
		codespan: chalk.yellow,
		kbd: chalk.inverse,
		del: chalk.dim.strikethrough,
		link: chalk.blue,
		href: chalk.blue.underline,
		image: chalk.magenta,
		footnote: chalk.cyan,
		text: same,
		tableBorder: chalk.gray,
		tableHeader: chalk.bold,
	};
}

/** No styling at all: `plain` output is the `ansi` output without its SGR sequences. */
export function plainStyles(): Styles {
	const same = (text: string) => text;
	return {
		code: same, codeWrap: same, blockquote: same, quoteBar: same, html: same, heading: same, firstHeading: same, hr: same,
		listMarker: same, strong: same, em: same, codespan: same, kbd: same, del: same, link: same, href: same, image: same,
		footnote: same, text: same, tableBorder: same, tableHeader: same,
	};
}
