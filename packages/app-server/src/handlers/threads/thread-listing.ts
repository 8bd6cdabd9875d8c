// One page of stored threads for `thread/list`, with a `cwd` filter of one directory or several.
import { resolve } from "node:path";
import { type ListRolloutsOptions, type RolloutPage, listRollouts } from "@codex-ts/rollout";

export interface ThreadPageOptions extends Pick<ListRolloutsOptions, "source" | "archived"> {
  limit: number;
  cursor?: string;
  /** Only threads recorded in one of these directories. */
  cwds?: readonly string[];
}

/**
 * Lists rollouts newest first. The rollout listing filters on one directory; for several, this pages through
 * the unfiltered listing and keeps the matches, ending the page with a cursor just after its last match.
 */
export async function threadPage(codexHome: string, options: ThreadPageOptions): Promise<RolloutPage> {
  const base: ListRolloutsOptions = {
    ...(options.source ? { source: options.source } : {}),
    ...(options.archived ? { archived: true } : {}),
  };
  const cwds = options.cwds ?? [];
  if (cwds.length <= 1) {
    return listRollouts(codexHome, {
      ...base,
      pageSize: options.limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
      ...(cwds[0] !== undefined ? { cwd: cwds[0] } : {}),
    });
  }
  const wanted = new Set(cwds.map((cwd) => resolve(cwd)));
  const items: RolloutPage["items"] = [];
  let from = options.cursor;
  for (;;) {
    const page = await listRollouts(codexHome, { ...base, pageSize: options.limit, ...(from ? { cursor: from } : {}) });
    for (const [index, item] of page.items.entries()) {
      if (!wanted.has(item.meta.cwd)) continue;
      items.push(item);
      if (items.length < options.limit) continue;
      const more = index < page.items.length - 1 || page.nextCursor !== undefined;
      if (!more) return { items };
      // The listing's cursor names the last item of a page: a page ending at this match gives it.
      const upTo = await listRollouts(codexHome, { ...base, pageSize: index + 1, ...(from ? { cursor: from } : {}) });
      return upTo.nextCursor ? { items, nextCursor: upTo.nextCursor } : { items };
    }
    if (!page.nextCursor) return { items };
    from = page.nextCursor;
  }
}
