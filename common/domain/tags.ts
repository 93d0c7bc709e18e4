/** Trimmed, without case-insensitive repeats, the first spelling kept. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags.map((value) => value.trim().replace(/\s+/g, ' ')).filter(Boolean)) {
    if (seen.has(tag.toLocaleLowerCase())) continue;
    seen.add(tag.toLocaleLowerCase());
    kept.push(tag);
  }
  return kept;
}
