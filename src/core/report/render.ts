import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot, Nodes as MdastNodes } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { RenderedReport } from '../site/input.ts';
import { collectEmbeds, EMBED_ATTRIBUTE, reportPeriod, type EmbedContext, type EmbedRequest } from './directives.ts';
import { embedNodes } from './embeds.ts';

export { reportPeriod, validateReport } from './directives.ts';

/** The default GitHub-like allow-list, plus the placeholder attribute our embeds use. */
const SANITIZE_SCHEMA = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, span: [...(defaultSchema.attributes?.span ?? []), EMBED_ATTRIBUTE],
    div: [...(defaultSchema.attributes?.div ?? []), EMBED_ATTRIBUTE] },
};

/**
 * Plain markdown (a public note on a period) to safe HTML: the same parser and allow-list as reports,
 * without their KPI embeds, so raw HTML and script links are dropped.
 */
export function renderSafeMarkdown(markdown: string): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, defaultSchema).use(rehypeStringify);
  return String(processor.processSync(markdown)).trim();
}

/**
 * A report narrative (markdown) to safe HTML. The author's text goes through rehype-sanitize (raw
 * HTML is dropped, links and attributes are allow-listed); only after that are the live KPI embeds
 * put in, built by pledge from numbers, so nothing the author writes can smuggle markup past it.
 */
export function renderReport(markdown: string, slug: string, baseContext: EmbedContext): RenderedReport {
  const period = reportPeriod(slug);
  const context = { ...baseContext, period };
  const requests: EmbedRequest[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(() => (tree: MdastRoot) => { collectEmbeds(tree, requests, context); })
    .use(remarkRehype)
    .use(rehypeSanitize, SANITIZE_SCHEMA)
    .use(() => (tree: HastRoot) => { fillEmbeds(tree, requests, context); })
    .use(rehypeStringify, { allowDangerousHtml: true });
  const mdast = processor.parse(markdown);
  const html = processor.stringify(processor.runSync(mdast) as HastRoot);
  const heading = titleOf(mdast);
  return { slug, title: heading ?? slug, hasHeading: heading !== undefined, period, html };
}

function fillEmbeds(node: HastRoot | Element, requests: EmbedRequest[], context: EmbedContext): void {
  node.children = node.children.flatMap((child: HastContent): HastContent[] => {
    if (child.type !== 'element') return [child];
    const index = child.properties[EMBED_ATTRIBUTE];
    const request = index === undefined ? undefined : requests[Number(index)];
    if (request) return embedNodes(request, context) as ElementContent[];
    fillEmbeds(child, requests, context);
    return [child];
  }) as typeof node.children;
}

function titleOf(tree: MdastRoot): string | undefined {
  const heading = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  return heading ? textOf(heading).trim() || undefined : undefined;
}

/** The plain text of a node, through emphasis, code and links (`# The *October* report`). */
function textOf(node: MdastNodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as MdastNodes)).join('') : '';
}
