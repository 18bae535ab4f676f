import React from 'react';
import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import type {Section} from '../../core/outline.js';

type Props = {
	sections: Section[];
	/** Section under the top line of the body (lit), or -1. */
	current: number;
	/** Section selected while the pane has focus, or -1. */
	cursor: number;
	focused: boolean;
	read: ReadonlySet<string>;
	width: number;
	height: number;
	border: boolean;
};

/**
 * The outline indented by depth. The section being read is lit; the pane scrolls to keep it (or
 * the selection, when focused) in view; sections already read carry a check mark.
 */
export function TocPane({sections, current, cursor, focused, read, width, height, border}: Props) {
	const top = Math.min(...sections.map(section => section.depth));
	const target = focused ? cursor : current;
	const start = Math.max(0, Math.min(sections.length - height, target - Math.floor(height / 2)));
	const shown = sections.slice(start, start + height);
	return (
		<Box flexDirection="column" width={width + (border ? 1 : 0)} height={height} borderStyle={border ? 'single' : undefined} borderTop={false} borderBottom={false} borderLeft={false} borderColor="gray">
			{shown.map((section, offset) => {
				const index = start + offset;
				const mark = read.has(section.slug) ? '✓' : ' ';
				const label = truncate(`${mark} ${'  '.repeat(Math.max(0, section.depth - top))}${section.title}`, width);
				const isCurrent = index === current;
				const isCursor = focused && index === cursor;
				return (
					<Text key={section.slug} inverse={isCursor} color={isCurrent ? 'cyan' : undefined} bold={isCurrent} dimColor={!isCurrent && !isCursor && read.has(section.slug)} wrap="truncate">
						{label}
					</Text>
				);
			})}
		</Box>
	);
}

/** Cut a line to `width` columns, ending with … when cut. */
export function truncate(text: string, width: number): string {
	if (stringWidth(text) <= width) {
		return text;
	}

	let out = '';
	for (const character of text) {
		if (stringWidth(out + character) > width - 1) {
			break;
		}

		out += character;
	}

	return out + '…';
}
