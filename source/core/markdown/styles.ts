import {headingRole, paint, type Role, type Theme} from '../theme/theme.js';

/** What the renderer draws, each kind by its own function, so a theme replaces them all at once. */
export type StyleName =
	| 'code' | 'codeWrap' | 'blockquote' | 'quoteBar' | 'html'
	| 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'heading5' | 'heading6' | 'hr'
	| 'listMarker' | 'strong' | 'em' | 'codespan' | 'kbd' | 'del' | 'link' | 'href' | 'image'
	| 'footnote' | 'text' | 'tableBorder' | 'tableHeader';

/** How each kind of text is drawn. */
export type Styles = Record<StyleName, (text: string) => string>;

/** The theme role each kind of text is drawn in; list markers and body text keep the terminal's colour. */
const roleOf: Record<StyleName, Role | undefined> = {
	code: 'code', codeWrap: 'codeWrap', blockquote: 'quote', quoteBar: 'quoteBar', html: 'html',
	heading1: 'heading1', heading2: 'heading2', heading3: 'heading3', heading4: 'heading4', heading5: 'heading5', heading6: 'heading6',
	hr: 'rule', listMarker: undefined, strong: 'strong', em: 'em', codespan: 'codespan', kbd: 'kbd', del: 'del',
	link: 'link', href: 'href', image: 'image', footnote: 'footnote', text: undefined, tableBorder: 'tableBorder', tableHeader: 'tableHeader',
};

const same = (text: string) => text;

/** The colours of `ansi` style, from a theme (`core/theme/theme.ts`). */
export function themeStyles(theme: Theme): Styles {
	const styles = {} as Styles;
	for (const [name, role] of Object.entries(roleOf) as Array<[StyleName, Role | undefined]>) {
		styles[name] = role ? paint(theme[role]) : same;
	}

	return styles;
}

/** No styling at all: `plain` output is the `ansi` output without its SGR sequences. */
export function plainStyles(): Styles {
	const styles = {} as Styles;
	for (const name of Object.keys(roleOf) as StyleName[]) {
		styles[name] = same;
	}

	return styles;
}

/** The style of a heading of `depth` (1–6). */
export function headingStyle(styles: Styles, depth: number): (text: string) => string {
	return styles[headingRole(depth) as StyleName];
}
