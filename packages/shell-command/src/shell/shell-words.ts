/** Thrown by `splitShellWords` for unterminated quotes or a trailing backslash. */
export class ShellWordsError extends Error {
  readonly code = "SHELL_WORDS_SYNTAX";
  constructor(message: string) {
    super(message);
    this.name = "ShellWordsError";
  }
}

/**
 * Splits a command line into words with POSIX shell quoting (single quotes, double quotes, backslashes),
 * without expanding anything: `$HOME` stays `$HOME`, `;` and `|` are ordinary characters. A `#` at
 * the start of a word begins a comment.
 */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let index = 0;
  while (index < line.length) {
    const char = line[index]!;
    if (char === " " || char === "\t" || char === "\n" || char === "\r") {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
      index += 1;
    } else if (char === "#" && !inWord) {
      const newline = line.indexOf("\n", index);
      index = newline < 0 ? line.length : newline;
    } else if (char === "'") {
      const end = line.indexOf("'", index + 1);
      if (end < 0) throw new ShellWordsError("unterminated single quote");
      current += line.slice(index + 1, end);
      inWord = true;
      index = end + 1;
    } else if (char === '"') {
      index += 1;
      inWord = true;
      for (;;) {
        const inner = line[index];
        if (inner === undefined) throw new ShellWordsError("unterminated double quote");
        index += 1;
        if (inner === '"') break;
        if (inner === "\\" && line[index] !== undefined && '$`"\\\n'.includes(line[index]!)) {
          if (line[index] !== "\n") current += line[index];
          index += 1;
        } else {
          current += inner;
        }
      }
    } else if (char === "\\") {
      const next = line[index + 1];
      if (next === undefined) throw new ShellWordsError("trailing backslash");
      if (next !== "\n") {
        current += next;
        inWord = true;
      }
      index += 2;
    } else {
      current += char;
      inWord = true;
      index += 1;
    }
  }
  if (inWord) words.push(current);
  return words;
}

const SAFE_UNQUOTED = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word so that a POSIX shell reads it back unchanged. */
export function quoteShellWord(word: string): string {
  if (word.length > 0 && SAFE_UNQUOTED.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** Joins words into a command line that `splitShellWords` (and a shell) splits back into the same words. */
export function joinShellWords(words: readonly string[]): string {
  return words.map(quoteShellWord).join(" ");
}
