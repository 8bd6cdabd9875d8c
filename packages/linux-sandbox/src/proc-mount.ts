/**
 * Wraps the command so that bubblewrap's own messages (written before the command starts) go to fd 2 while the
 * command itself gets the real stderr, passed as fd 3. The helper can then read bubblewrap's errors without
 * taking the terminal away from the command.
 */
export const STDERR_SPLIT_PREFIX: readonly string[] = ["/bin/sh", "-c", 'exec 2>&3 3>&-; exec "$@"', "sh"];

/** True when bubblewrap failed because the host does not allow mounting a new `/proc` (restricted containers). */
export function isProcMountFailure(stderr: string): boolean {
  return (
    /Can't mount proc/i.test(stderr) &&
    /(Operation not permitted|Permission denied|Invalid argument|Device or resource busy)/i.test(stderr)
  );
}
