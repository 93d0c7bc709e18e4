import { PDFArray, PDFDict, PDFName, PDFPageLeaf, PDFRef, type PDFContext, type PDFDocument } from '@cantoo/pdf-lib';

export interface PageLeaves {
  leaves: PDFPageLeaf[];
  /** True when the page tree was unreadable and the pages were gathered from the loose page objects. */
  rebuilt: boolean;
}

/**
 * The page objects of a parsed PDF, in order. Walks the page tree with a guard against cycles
 * (a damaged tree may point back at itself); when the catalog or its page tree is missing,
 * gathers every page object in the file in object-number order, which is how writers number them.
 */
export function pageLeaves(doc: PDFDocument): PageLeaves {
  const fromTree = walkTree(doc.context, doc.context.trailerInfo.Root);
  if (fromTree.length > 0) return { leaves: fromTree, rebuilt: false };
  const loose = doc.context.enumerateIndirectObjects()
    .filter(([, object]) => object instanceof PDFPageLeaf)
    .sort(([a], [b]) => a.objectNumber - b.objectNumber || a.generationNumber - b.generationNumber)
    .map(([, object]) => object as PDFPageLeaf);
  return { leaves: loose, rebuilt: true };
}

function walkTree(context: PDFContext, root: unknown): PDFPageLeaf[] {
  const catalog = lookup(context, root);
  if (!(catalog instanceof PDFDict)) return [];
  const leaves: PDFPageLeaf[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (node instanceof PDFPageLeaf) leaves.push(node);
    else if (node instanceof PDFDict) {
      const kids = lookup(context, node.get(PDFName.of('Kids')));
      if (kids instanceof PDFArray) for (const kid of kids.asArray()) visit(lookup(context, kid));
    }
  };
  visit(lookup(context, catalog.get(PDFName.of('Pages'))));
  return leaves;
}

function lookup(context: PDFContext, value: unknown): unknown {
  try {
    return value instanceof PDFRef ? context.lookup(value) : value;
  } catch {
    return undefined;
  }
}
