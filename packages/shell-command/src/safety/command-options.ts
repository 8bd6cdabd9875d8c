/** Helpers to read command-line options the way most Unix tools do. */

/** Arguments before a `--` end-of-options marker. */
export function beforeEndOfOptions(args: readonly string[]): readonly string[] {
  const end = args.indexOf("--");
  return end < 0 ? args : args.slice(0, end);
}

/** True for a bundle of short options such as `-rf` (not `-`, not `--x`). */
export function isShortOptionBundle(arg: string): boolean {
  return arg.length > 1 && arg.startsWith("-") && !arg.startsWith("--");
}

/** True when some option argument (before `--`) is `-<letter>` or a bundle containing it. */
export function hasShortOption(args: readonly string[], letter: string): boolean {
  return beforeEndOfOptions(args).some((arg) => isShortOptionBundle(arg) && arg.slice(1).includes(letter));
}

/**
 * True when `arg` is the long option `--name` or an abbreviation of it at least `minimum` characters
 * long (GNU getopt and git accept unambiguous prefixes), with or without `=value`.
 */
export function isLongOption(arg: string, name: string, minimum = name.length): boolean {
  if (!arg.startsWith("--")) return false;
  const equals = arg.indexOf("=");
  const given = arg.slice(2, equals < 0 ? undefined : equals);
  return given.length >= Math.min(minimum, name.length) && name.startsWith(given);
}

/** True when some argument (before `--`) is one of the long options (abbreviations allowed). */
export function hasLongOption(args: readonly string[], name: string, minimum = name.length): boolean {
  return beforeEndOfOptions(args).some((arg) => isLongOption(arg, name, minimum));
}

/** Arguments that are not options, honouring `--`; `valued` lists options that consume the next argument. */
export function operandsOf(args: readonly string[], valued: ReadonlySet<string> = new Set()): string[] {
  const operands: string[] = [];
  let endOfOptions = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (endOfOptions || arg === "-" || !arg.startsWith("-")) {
      operands.push(arg);
    } else if (arg === "--") {
      endOfOptions = true;
    } else if (valued.has(arg)) {
      index += 1;
    }
  }
  return operands;
}
