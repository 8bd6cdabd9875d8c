// Turns one pino JSON record into a readable line: `<time> <LEVEL> <message> key=value ...`.

function formatValue(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** Formats a JSON record line; a line that is not a JSON object is passed through. */
export function formatTextRecord(line: string): string {
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return line;
    record = parsed as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, ...fields } = record;
  const parts = [String(time ?? new Date().toISOString()), String(level ?? "info").toUpperCase().padStart(5), String(msg ?? "")];
  for (const [key, value] of Object.entries(fields)) parts.push(`${key}=${formatValue(value)}`);
  return `${parts.join(" ")}\n`;
}
