import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Fault, openAiErrorBody, type StallControl, stallControl } from "./faults.js";
import { chatCompletionChunks, encodeChatSseChunk } from "./chat-turn.js";
import { encodeSseEvent, rateLimitHeaderValues, type Turn, turnEvents } from "./scripted-turn.js";

/** One request the mock received, in order of arrival. */
export type CapturedRequest = {
  /** 0-based arrival index over all requests. */
  index: number;
  method: string;
  /** Path without the query string, e.g. `/v1/responses`. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names, as Node parses them. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or `undefined` when the body was empty or not JSON. */
  body: unknown;
  rawBody: string;
};

export type ScriptEntry = Turn | Fault;

export type MockResponsesServerOptions = {
  /** Entries to enqueue before the first request. */
  script?: ScriptEntry[];
  /** Model ids served by `GET /v1/models` (OpenAI list format). Default: `["mock-model"]`. */
  models?: string[];
  /** A raw JSON body for `GET /v1/models`, overriding `models` (e.g. the Codex `{models: [...]}` shape). */
  modelsBody?: unknown;
};

export type MockResponsesServer = {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:43123/v1`. */
  readonly url: string;
  readonly requests: readonly CapturedRequest[];
  /** Captured `POST /v1/responses` requests only. */
  readonly responsesRequests: readonly CapturedRequest[];
  /** Captured `POST /v1/chat/completions` requests only. */
  readonly chatRequests: readonly CapturedRequest[];
  /** How many enqueued entries have not been served yet. */
  readonly pending: number;
  enqueue(...entries: ScriptEntry[]): void;
  setModels(models: string[] | { body: unknown }): void;
  close(): Promise<void>;
};

const RESPONSES_PATH = "/v1/responses";
const CHAT_PATH = "/v1/chat/completions";
const MODELS_PATH = "/v1/models";

/** Which streaming endpoint a request hit; both take entries from the same script queue. */
type Wire = "responses" | "chat";

function wireOf(method: string, path: string): Wire | undefined {
  if (method !== "POST") return undefined;
  if (path === RESPONSES_PATH) return "responses";
  if (path === CHAT_PATH) return "chat";
  return undefined;
}

/**
 * Starts a scripted Responses API server on 127.0.0.1 (random port). `POST /v1/chat/completions`
 * serves the same script as a Chat Completions stream.
 */
export async function startMockResponsesServer(options: MockResponsesServerOptions = {}): Promise<MockResponsesServer> {
  const queue: ScriptEntry[] = [...(options.script ?? [])];
  const requests: CapturedRequest[] = [];
  let modelsBody: unknown = options.modelsBody ?? modelList(options.models ?? ["mock-model"]);
  let responseCounter = 0;
  const onClose: (() => void)[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const record: CapturedRequest = {
      index: requests.length,
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      rawBody: "",
    };
    requests.push(record);
    // Take the script entry now, synchronously, so concurrent requests are served in order of arrival.
    const wire = wireOf(record.method, record.path);
    const entry = wire ? queue.shift() : undefined;
    if (wire) responseCounter += 1;
    const responseNumber = responseCounter;
    readBody(req)
      .then((raw) => {
        record.rawBody = raw;
        record.body = parseJson(raw);
        if (wire) {
          return answerResponses(res, record, entry, responseNumber, onClose, wire);
        }
        if (record.method === "GET" && record.path === MODELS_PATH) {
          return sendJson(res, 200, modelsBody);
        }
        return sendJson(
          res,
          404,
          openAiErrorBody(`mock Responses server: no route for ${record.method} ${record.path}`, "invalid_request_error", null),
        );
      })
      .catch(() => {
        res.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get responsesRequests() {
      return requests.filter((r) => r.method === "POST" && r.path === RESPONSES_PATH);
    },
    get chatRequests() {
      return requests.filter((r) => r.method === "POST" && r.path === CHAT_PATH);
    },
    get pending() {
      return queue.length;
    },
    enqueue(...entries) {
      queue.push(...entries);
    },
    setModels(models) {
      modelsBody = Array.isArray(models) ? modelList(models) : models.body;
    },
    close() {
      for (const release of onClose.splice(0)) release();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function modelList(ids: string[]): unknown {
  return { object: "list", data: ids.map((id) => ({ id, object: "model", created: 0, owned_by: "mock" })) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(raw: string): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function answerResponses(
  res: ServerResponse,
  record: CapturedRequest,
  entry: ScriptEntry | undefined,
  responseNumber: number,
  onClose: (() => void)[],
  wire: Wire,
): Promise<void> {
  if (entry === undefined) {
    const message =
      `mock Responses server: no turn was scripted for POST ${record.path} #${responseNumber} ` +
      `(request index ${record.index}); enqueue one more turn or fault.`;
    sendJson(res, 500, openAiErrorBody(message, "mock_server_error", "no_turn_scripted"));
    return;
  }
  if (entry.kind === "http-error") {
    sendJson(res, entry.status, entry.body, entry.headers);
    return;
  }
  const scripted = entry.kind === "turn" ? entry : entry.turn;
  const createdAt = Math.floor(Date.now() / 1000);
  const events =
    wire === "chat"
      ? chatCompletionChunks(scripted, scripted.id ?? `chatcmpl_mock_${responseNumber}`, createdAt).map(encodeChatSseChunk)
      : turnEvents(scripted, scripted.id ?? `resp_mock_${responseNumber}`, createdAt).map(encodeSseEvent);
  res.writeHead(200, {
    ...scripted.headers,
    ...(scripted.rateLimits ? rateLimitHeaderValues(scripted.rateLimits) : {}),
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
  });
  if (entry.kind === "turn") {
    res.end(events.join(""));
    return;
  }
  const head = events.slice(0, entry.afterEvents);
  if (head.length > 0) res.write(head.join(""));
  if (entry.kind === "stream-cut") {
    // Let the written bytes reach the client before the socket goes away.
    res.socket?.end();
    res.socket?.destroySoon();
    return;
  }
  const control = (entry as typeof entry & StallControl)[stallControl];
  control.markStalled();
  const outcome = await new Promise<"released" | "gone">((resolve) => {
    const gone = () => resolve("gone");
    res.once("close", gone);
    onClose.push(gone);
    void control.released.then(() => resolve("released"));
  });
  if (outcome === "gone" || res.destroyed) {
    control.markDisconnected();
    return;
  }
  res.end(events.slice(entry.afterEvents).join(""));
}
