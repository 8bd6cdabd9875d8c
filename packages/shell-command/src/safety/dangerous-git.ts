import { hasLongOption, hasShortOption, isLongOption, operandsOf } from "./command-options.js";
import { parseGitInvocation } from "./git-invocation.js";

const WHOLE_TREE_PATHSPECS = new Set([".", "./", ":/", "*", ":/*", "./*"]);

/** Why a git invocation destroys work or rewrites shared history, or `undefined`. */
export function dangerousGitReason(argv: readonly string[]): string | undefined {
  const git = parseGitInvocation(argv);
  if (git?.subcommand === undefined) return undefined;
  const { args } = git;
  switch (git.subcommand) {
    case "reset":
      return hasLongOption(args, "hard", 2) ? "git reset --hard discards uncommitted changes" : undefined;
    case "clean":
      return (hasShortOption(args, "f") || hasLongOption(args, "force", 3)) && !hasShortOption(args, "n") && !hasLongOption(args, "dry-run", 3)
        ? "git clean -f deletes untracked files"
        : undefined;
    case "push":
      return dangerousPushReason(args);
    case "checkout":
      return dangerousCheckoutReason(args);
    case "restore": {
      const staged = hasShortOption(args, "S") || hasLongOption(args, "staged", 3);
      const worktree = hasShortOption(args, "W") || hasLongOption(args, "worktree", 3);
      return (!staged || worktree) && operandsOf(args, new Set(["-s", "--source"])).length > 0
        ? "git restore discards uncommitted changes"
        : undefined;
    }
    case "branch": {
      const forceDelete = hasShortOption(args, "D") || ((hasShortOption(args, "d") || hasLongOption(args, "delete", 3)) && (hasShortOption(args, "f") || hasLongOption(args, "force", 3)));
      if (forceDelete) return "git branch -D deletes a branch even when it is not merged";
      return hasShortOption(args, "M") || hasShortOption(args, "C") ? "git branch -M/-C overwrites an existing branch" : undefined;
    }
    case "stash": {
      const action = operandsOf(args)[0];
      return action === "clear" || action === "drop" ? `git stash ${action} deletes stashed changes` : undefined;
    }
    case "rm":
      return hasShortOption(args, "f") || hasLongOption(args, "force", 3) ? "git rm -f deletes files with uncommitted changes" : undefined;
    case "filter-branch":
    case "filter-repo":
      return `git ${git.subcommand} rewrites history`;
    case "reflog": {
      const action = operandsOf(args)[0];
      return action === "expire" || action === "delete" ? `git reflog ${action} drops recovery points` : undefined;
    }
    default:
      return undefined;
  }
}

function dangerousPushReason(args: readonly string[]): string | undefined {
  const force =
    hasShortOption(args, "f") ||
    args.some((arg) => isLongOption(arg, "force", 7) || isLongOption(arg, "force-with-lease", 7) || isLongOption(arg, "force-if-includes", 7));
  if (force) return "git push --force overwrites remote history";
  if (hasLongOption(args, "mirror", 2) || hasLongOption(args, "delete", 3) || hasShortOption(args, "d") || hasLongOption(args, "prune", 3)) {
    return "git push --delete/--mirror/--prune deletes remote refs";
  }
  const refspecs = operandsOf(args, new Set(["-o", "--push-option", "--repo", "--receive-pack", "--exec"])).slice(1);
  if (refspecs.some((spec) => spec.startsWith("+"))) return "a +refspec force-pushes";
  if (refspecs.some((spec) => spec.startsWith(":") && spec.length > 1)) return "a :refspec deletes a remote branch";
  return undefined;
}

function dangerousCheckoutReason(args: readonly string[]): string | undefined {
  if (hasShortOption(args, "f") || hasLongOption(args, "force", 3)) return "git checkout --force discards uncommitted changes";
  const separator = args.indexOf("--");
  if (separator >= 0 && separator < args.length - 1) return "git checkout -- <paths> discards uncommitted changes";
  if (operandsOf(args).some((arg) => WHOLE_TREE_PATHSPECS.has(arg))) return "git checkout . discards uncommitted changes";
  return undefined;
}
