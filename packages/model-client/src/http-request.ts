// A minimal HTTP client over node:http / node:https: one request, the status, headers and a streaming body.
// Node's own modules load far faster than an HTTP library, and the default agents keep connections alive.
import { type IncomingHttpHeaders, type IncomingMessage, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface HttpRequestOptions {
  method: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** The body as a stream of byte chunks; read it fully, or call `discardBody`. */
  body: IncomingMessage;
}

/** Sends one request; resolves once the response headers arrived. Rejects on connection errors and aborts. */
export function sendHttpRequest(url: URL, options: HttpRequestOptions): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(options.signal.reason ?? new Error("aborted"));
      return;
    }
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
    const req = send(url, { method: options.method, headers, ...(options.signal ? { signal: options.signal } : {}) }, (res) => {
      resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res });
    });
    req.on("error", (error) => reject(options.signal?.aborted ? (options.signal.reason ?? error) : error));
    req.end(options.body);
  });
}

/** Reads the whole body as UTF-8 text. */
export async function readBodyText(body: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Drops the rest of a body so the connection can be reused. */
export function discardBody(body: IncomingMessage): void {
  body.resume();
}
