import React from 'react';
import {Box, Text} from 'ink';
import {currentSection, progressPercent} from '../../core/reader/position.js';
import {useReader, type ReaderProps} from '../hooks/use-reader.js';
import {filterLinks} from '../../core/links/link-list.js';
import {sortedMarks, type Marks} from '../../core/reader/marks.js';
import {headerMarks} from '../../core/reader/reader-document.js';
import {readerHelpScreens} from '../../core/reader/reader-keys.js';
import {Body} from './Body.js';
import {LinkList} from './LinkList.js';
import {HelpScreen} from './HelpScreen.js';
import {StatusLine} from './StatusLine.js';
import {TocPane} from './TocPane.js';

/**
 * The reader: TOC pane beside the article body, status line below. `useReader` holds the state;
 * this component only lays out what it says.
 */
export function Reader(props: ReaderProps) {
	const {columns, icons = true} = props;
	const {state, document, layout, article} = useReader(props);
	const sections = article.outline.sections;
	const height = layout.bodyHeight;
	if (state.help) {
		return <HelpScreen screens={readerHelpScreens} height={layout.frameHeight} width={columns} offset={state.helpOffset} />;
	}

	const current = currentSection(document, state.offset, height);
	const tocFocused = state.focus === 'toc' && layout.toc !== 'hidden';
	const toc = (
		<TocPane
			sections={sections}
			topDepth={article.outline.topDepth}
			current={current}
			cursor={state.tocCursor}
			key={layout.toc}
			focused={tocFocused}
			read={state.read}
			marks={marksBySection(state.marks)}
			width={layout.toc === 'pane' ? layout.tocWidth : columns}
			height={height}
			border={layout.toc === 'pane'}
			title={(icons ? headerMarks.icons : headerMarks.words).contents}
		/>
	);
	const text = state.links
		? <LinkList links={filterLinks(document.links, state.links.filter)} list={state.links} width={layout.bodyWidth} height={height} />
		: <Body document={document} offset={state.offset} height={height} width={layout.bodyWidth} query={state.query} matchLine={state.matchLine} />;
	// Narrower than the space beside the pane, the text is centred in it.
	const body = layout.bodyMargin > 0 ? <Box marginLeft={layout.bodyMargin}>{text}</Box> : text;
	return (
		<Box flexDirection="column" height={layout.frameHeight} width={columns}>
			<Box height={height}>
				{layout.toc === 'pane' ? <>{toc}<Text> </Text>{body}</> : layout.toc === 'overlay' ? toc : body}
			</Box>
			<StatusLine
				width={columns}
				section={current >= 0 ? sections[current].title : article.title}
				percent={progressPercent(document, state.offset, height)}
				draft={state.draft}
				message={state.message}
				hint={state.links ? 'Enter follow · Esc close' : tocFocused ? 'Enter jump · Tab text · ? help' : '? help · q quit'}
			/>
		</Box>
	);
}

/** Mark letters by the section they are in, for the TOC. */
function marksBySection(marks: Marks): Map<string, string> {
	const bySection = new Map<string, string>();
	for (const [name, place] of sortedMarks(marks)) {
		if (place.slug !== undefined) {
			bySection.set(place.slug, (bySection.get(place.slug) ?? '') + name);
		}
	}

	return bySection;
}
