import { type GitQueryOptions, type GitRunOptions, gitOutput, runGit } from "./git-command.js";

/** Remote names, `origin` first (as upstream orders them). */
export async function listRemotes(cwd: string, options: GitQueryOptions = {}): Promise<string[]> {
  const output = await gitOutput(["remote"], { ...options, cwd });
  const remotes = (output ?? "").split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const origin = remotes.indexOf("origin");
  if (origin > 0) remotes.unshift(...remotes.splice(origin, 1));
  return remotes;
}

/**
 * The repository's default branch: the branch `refs/remotes/<remote>/HEAD` points at for the first
 * remote that has one (origin first), else a local `main` or `master`. Never contacts a remote.
 */
export async function getDefaultBranch(cwd: string, queryOptions: GitQueryOptions = {}): Promise<string | undefined> {
  const options: GitRunOptions = { ...queryOptions, cwd };
  for (const remote of await listRemotes(cwd, queryOptions)) {
    const target = await gitOutput(["symbolic-ref", "--quiet", `refs/remotes/${remote}/HEAD`], options);
    const prefix = `refs/remotes/${remote}/`;
    if (target?.startsWith(prefix)) return target.slice(prefix.length);
  }
  for (const candidate of ["main", "master"]) {
    if ((await gitOutput(["rev-parse", "--verify", "--quiet", `refs/heads/${candidate}`], options)) !== undefined) {
      return candidate;
    }
  }
  return undefined;
}

/**
 * Remote-tracking refs worth diffing against, best first: the current branch's, then the default
 * branch's (each on the first remote that has it), then every remote branch that already contains HEAD.
 */
async function candidateRefs(remotes: readonly string[], options: GitRunOptions): Promise<string[]> {
  const refs: string[] = [];
  const add = (ref: string): void => {
    if (!refs.includes(ref)) refs.push(ref);
  };
  const branches: string[] = [];
  const current = await gitOutput(["symbolic-ref", "--quiet", "--short", "HEAD"], options);
  if (current) branches.push(current);
  const fallback = await getDefaultBranch(options.cwd, options);
  if (fallback && fallback !== current) branches.push(fallback);
  for (const branch of branches) {
    for (const remote of remotes) {
      const ref = `refs/remotes/${remote}/${branch}`;
      if ((await gitOutput(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], options)) !== undefined) {
        add(ref);
        break;
      }
    }
  }
  for (const remote of remotes) {
    const output = await gitOutput(
      ["for-each-ref", "--format=%(refname)", "--contains=HEAD", `refs/remotes/${remote}/`],
      options,
    );
    for (const ref of (output ?? "").split("\n")) {
      if (ref !== "" && !ref.endsWith("/HEAD")) add(ref);
    }
  }
  return refs;
}

/** Number of commits in HEAD that `base` lacks, or undefined on failure. */
async function distanceFromHead(base: string, options: GitRunOptions): Promise<number | undefined> {
  const count = await gitOutput(["rev-list", "--count", `${base}..HEAD`], options);
  const parsed = count === undefined ? Number.NaN : Number.parseInt(count, 10);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * The commit to diff against: the ancestor of HEAD that is on a remote and fewest commits behind HEAD.
 * Candidates are the merge bases of HEAD with the preferred remote-tracking refs (current branch,
 * default branch, branches containing HEAD), then the commits where HEAD's history leaves every
 * remote-tracking ref; on equal distance the earlier candidate wins.
 */
export async function findRemoteBase(remotes: readonly string[], options: GitRunOptions): Promise<string | undefined> {
  let best: { sha: string; distance: number } | undefined;
  for (const ref of await candidateRefs(remotes, options)) {
    const base = await gitOutput(["merge-base", "HEAD", ref], options);
    if (!base) continue;
    const distance = await distanceFromHead(base, options);
    if (distance === undefined) continue;
    if (best === undefined || distance < best.distance) best = { sha: base, distance };
    if (distance === 0) break;
  }
  if (best?.distance === 0) return best.sha;
  const boundary = await runGit(["rev-list", "--boundary", "HEAD", "--not", "--remotes"], options);
  if (boundary.exitCode !== 0) return undefined;
  for (const line of boundary.stdout.split("\n")) {
    if (!line.startsWith("-")) continue;
    const sha = line.slice(1).trim();
    const distance = await distanceFromHead(sha, options);
    if (distance !== undefined && (best === undefined || distance < best.distance)) best = { sha, distance };
  }
  return best?.sha;
}
