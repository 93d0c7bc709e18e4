/** Eight colours that stay apart for common colour blindness (Okabe–Ito based), in base.css. */
const COLOURS = 8;

/**
 * Each tag keeps its colour everywhere and on every computer, so "urgent" is the same dot in the
 * list, the detail and next week, with nothing to set up. Case does not change it (tags match
 * whatever their case). The colour is a dot beside the words: the tag's name still says it all.
 */
export function tagColourIndex(tag: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (const ch of tag.toLowerCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % COLOURS;
}

export function TagDot({ tag }: { tag: string }) {
  return <span className="tag-dot" aria-hidden="true" style={{ background: `var(--tag-${tagColourIndex(tag)})` }} />;
}
