import { createParser } from "eventsource-parser";

export type ReadEvent = { event: string | undefined; data: Record<string, unknown> };

/** Reads an SSE body to its end (or until it breaks), returning the parsed events and any read error. */
export async function readSse(
  response: Response,
  onEvent?: (event: ReadEvent) => void,
): Promise<{ events: ReadEvent[]; error: unknown }> {
  const events: ReadEvent[] = [];
  const parser = createParser({
    onEvent(message) {
      const event = { event: message.event, data: JSON.parse(message.data) as Record<string, unknown> };
      events.push(event);
      onEvent?.(event);
    },
  });
  const decoder = new TextDecoder();
  let error: unknown;
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      parser.feed(decoder.decode(chunk, { stream: true }));
    }
  } catch (caught) {
    error = caught;
  }
  return { events, error };
}

export function postResponses(baseUrl: string, init: { headers?: Record<string, string>; body?: unknown; signal?: AbortSignal } = {}) {
  return fetch(`${baseUrl}/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...init.headers },
    body: JSON.stringify(init.body ?? { model: "mock-model", stream: true, input: [] }),
    signal: init.signal ?? null,
  });
}
