import {createRequire} from 'node:module';

type NodeEmoji = {get(name: string): string | undefined};

let emoji: NodeEmoji | undefined;

/**
 * Stands in for `node-emoji` inside the bundle: marked-terminal imports it at load time, but its
 * emoji tables are only needed when an article writes a `:shortcode:`. Loaded on first use.
 */
export function get(name: string): string | undefined {
	emoji ??= createRequire(import.meta.url)('node-emoji') as NodeEmoji;
	return emoji.get(name);
}
