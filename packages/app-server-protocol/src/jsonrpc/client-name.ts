// The `initialize` check on `clientInfo.name`: it becomes part of HTTP headers (originator, user agent),
// so it must be a valid header value.

/** True when every character is a tab or visible ASCII (space to `~`). */
export function isValidClientName(name: string): boolean {
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    if (code !== 0x09 && (code < 0x20 || code > 0x7e)) return false;
  }
  return true;
}
