import React from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {ArticleLink} from '../../core/links/extract-links.js';
import {linkListRows, type LinkList as LinkListState} from '../../core/links/link-list.js';
import {truncate} from '../../core/text/text-width.js';
import {inkProps} from '../../core/theme/theme.js';
import {useTheme} from '../hooks/use-theme.js';

type Props = {
	/** The links the filter leaves, in document order. */
	links: readonly ArticleLink[];
	list: LinkListState;
	width: number;
	height: number;
};

function Row({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	const theme = useTheme();
	return <Text {...(isSelected ? inkProps(theme.linkListSelected) : {})} wrap="truncate">{label}</Text>;
}

/**
 * The link list (`o`), drawn with ink-select-input. The App owns the keys (the reducer moves the
 * selection), so the list is never focused: it is re-created at the selected row instead.
 */
export function LinkList({links, list, width, height}: Props) {
	const theme = useTheme();
	const room = Math.max(4, width - 4);
	const items = links.map((link, index) => ({
		key: String(index),
		value: index,
		label: truncate(link.text === link.href ? link.href : `${link.text} → ${link.href}`, room),
	}));
	const title = list.filter === '' ? `Links (${links.length}) · type to filter · Enter follow · Esc close` : `Links matching “${list.filter}” (${links.length})`;
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.linkListBorder.color} borderDimColor={theme.linkListBorder.dim} paddingLeft={1}>
			<Text bold wrap="truncate">{truncate(title, Math.max(1, width - 4))}</Text>
			{items.length === 0
				? <Text {...inkProps(theme.libraryDetails)}>{list.filter === '' ? 'this article has no links' : 'no link matches'}</Text>
				: <SelectInput key={`${list.filter}\u0000${list.cursor}`} items={items} initialIndex={list.cursor} limit={linkListRows(height)} isFocused={false} itemComponent={Row} />}
		</Box>
	);
}
