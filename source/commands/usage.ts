/** What `folio --help` prints: the commands, options, exit codes and a few examples. */
export const usage = `
  A terminal reader for Markdown articles: a library, a TOC beside the text, and pipe-safe commands.

  Usage
    $ folio                      open the library (the reader, full screen)
    $ folio ARTICLE              read one article (an id, a path to a .md file, or - for stdin)
    $ folio list [--json]        list the library's articles
    $ folio toc ARTICLE [--json] [--width N]
    $ folio cat ARTICLE [--section SLUG_OR_TITLE ...] [--format ansi|plain|markdown|json] [--width N] [--color] [--[no-]hyperlinks]
    $ folio marks ARTICLE [--json]
                                 the marks set in the reader (m + letter)
    $ folio search QUERY… [--json] [--limit N]
                                 find articles by their words ("a phrase" in quotes)
    $ folio stats [--json] [--all]
                                 views, progress and last read per article (this library, or all)
    $ folio config [list [--json] | get KEY | set KEY VALUE | reset [KEY]]
                                 settings: theme, maxWidth, icons, tocWidth, hyperlinks
    $ folio reset [ARTICLE] --yes
                                 forget reading state (one article or all)

  Options
    --dir PATH         library folder (default: FOLIO_DIR, else the bundled articles)
    --profile NAME     a separate reader on this account (default: FOLIO_PROFILE)
    --json             machine-readable output
    --width N          render at N columns (default: the terminal's, or 80 in a pipe)
    --format F         cat output: ansi, plain, markdown or json (default: ansi on a terminal, plain in a pipe)
    --section S        cat only this section and its sub-sections (repeatable)
    --color            colour even in a pipe (--no-color, NO_COLOR turn it off; FORCE_COLOR wins)
    --[no-]hyperlinks  cat ansi: links as terminal hyperlinks (default: if the terminal has them; FORCE_HYPERLINK=1/0)
    --limit N          search: at most N articles (default 20)
    --theme NAME       dark, light or mono (default: the theme setting, else dark)
    --max-width N      widest the reader sets the text, in columns (default: the maxWidth setting, else 100)
    --yes              confirm reset
    --all              stats: every library's articles, not only this one's

  Exit codes: 0 ok (also when a pipe reader stops early), 1 not found, unreadable or cannot
  write (search: no match), 2 usage error, 130 interrupted (Ctrl+C), 143 terminated (SIGTERM).
  Examples
    $ folio cat guides/keys --section "Moving by section" | less -R
    $ folio toc guides/keys --json | jq -r '.[].slug'
    $ cat notes.md | folio -
`;

/**
 * Options every command takes: the library, the profile, and the display options, which override
 * the settings for one run wherever they apply (an alias such as `folio --theme light` works
 * before any command).
 */
const everywhere = ['dir', 'profile', 'help', 'version', 'color', 'no-color', 'hyperlinks', 'no-hyperlinks', 'theme', 'max-width'];
const catOptions = ['format', 'width', 'section'];

/**
 * The options each command takes beyond those: any other is a usage error, not silently ignored.
 * `folio ARTICLE` is the reader on a terminal and cat in a pipe, so it takes cat's options either
 * way; `folio` alone is the library or list, and takes list's.
 */
export const commandOptions: Record<string, readonly string[]> = {
	list: ['json'],
	toc: ['json', 'width'],
	cat: catOptions,
	marks: ['json'],
	search: ['json', 'limit'],
	stats: ['json', 'all'],
	config: ['json'],
	reset: ['yes'],
	article: catOptions,
	library: ['json'],
};

/** What to use instead, for an option a command does not take. */
const instead: Record<string, string> = {
	'cat --json': 'use --format json',
	'toc --format': 'use --json for JSON',
	'list --format': 'use --json for JSON',
	'library --width': 'the reader fits the terminal, and --max-width sets its widest text',
	'article --json': 'in a pipe, use --format json',
};

/** The one-line reason an option given is not one `command` takes, or undefined when all are. */
export function unexpectedOption(command: string, given: readonly string[]): string | undefined {
	const allowed = commandOptions[command] ?? [];
	const wrong = given.find(name => !everywhere.includes(name) && !allowed.includes(name));
	if (wrong === undefined) {
		return undefined;
	}

	const name = command === 'article' ? 'folio ARTICLE' : (command === 'library' ? 'folio' : command);
	const hint = instead[`${command} --${wrong}`];
	return `${name} does not take --${wrong}${hint ? `; ${hint}` : ''} (folio --help lists each command's options)`;
}
