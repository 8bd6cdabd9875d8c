import type { CodexExecRunner } from "./codex-exec-runner.js";
import { EventParseError, TurnFailedError } from "./errors.js";
import type { ThreadEvent, Usage } from "./events.js";
import type { ThreadItem } from "./items.js";
import type { ThreadOptions, TurnOptions } from "./options.js";
import { createOutputSchemaFile } from "./output-schema-file.js";

/** The outcome of `run()`: the completed items, the last agent message and the token usage. */
export type Turn = {
  items: ThreadItem[];
  /** Text of the last `agent_message` item (JSON when an output schema was given); "" when there was none. */
  finalResponse: string;
  usage: Usage | null;
};

/** Alias of `Turn`. */
export type RunResult = Turn;

/** The outcome of `runStreamed()`: the turn's events, in the order the CLI printed them. */
export type StreamedTurn = {
  events: AsyncGenerator<ThreadEvent>;
};

/** Alias of `StreamedTurn`. */
export type RunStreamedResult = StreamedTurn;

/** One part of the input: text, or the path of a local image. */
export type UserInput = { type: "text"; text: string } | { type: "local_image"; path: string };

/** A prompt, or parts: texts are joined with blank lines, images become `--image` flags. */
export type Input = string | UserInput[];

/** A conversation with the agent; each `run` / `runStreamed` is one turn of it. */
export class Thread {
  private currentId: string | null;

  /** @internal Use `Codex.startThread` or `Codex.resumeThread`. */
  constructor(
    private readonly runner: CodexExecRunner,
    private readonly threadOptions: ThreadOptions,
    id: string | null = null,
  ) {
    this.currentId = id;
  }

  /** The thread id: given to `resumeThread`, or set by the first turn's `thread.started` event. */
  get id(): string | null {
    return this.currentId;
  }

  /** Sends `input` and returns the turn's events as they arrive. */
  async runStreamed(input: Input, turnOptions: TurnOptions = {}): Promise<StreamedTurn> {
    return { events: this.streamEvents(input, turnOptions) };
  }

  /** Sends `input` and waits for the turn to finish; rejects with `TurnFailedError` on `turn.failed`. */
  async run(input: Input, turnOptions: TurnOptions = {}): Promise<Turn> {
    const items: ThreadItem[] = [];
    let finalResponse = "";
    let usage: Usage | null = null;
    for await (const event of this.streamEvents(input, turnOptions)) {
      if (event.type === "item.completed") {
        if (event.item.type === "agent_message") finalResponse = event.item.text;
        items.push(event.item);
      } else if (event.type === "turn.completed") {
        usage = event.usage;
      } else if (event.type === "turn.failed") {
        throw new TurnFailedError(event.error.message);
      }
    }
    return { items, finalResponse, usage };
  }

  private async *streamEvents(input: Input, turnOptions: TurnOptions): AsyncGenerator<ThreadEvent> {
    const schemaFile = await createOutputSchemaFile(turnOptions.outputSchema);
    try {
      const { prompt, images } = splitInput(input);
      const lines = this.runner.run(
        {
          ...this.threadOptions,
          input: prompt,
          images,
          threadId: this.currentId,
          outputSchemaFile: schemaFile.schemaPath,
        },
        turnOptions.signal,
      );
      for await (const line of lines) {
        const event = parseEvent(line);
        if (event.type === "thread.started") this.currentId = event.thread_id;
        yield event;
      }
    } finally {
      await schemaFile.cleanup();
    }
  }
}

function parseEvent(line: string): ThreadEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new EventParseError(line, error);
  }
  if (typeof value !== "object" || value === null || typeof (value as { type?: unknown }).type !== "string") {
    throw new EventParseError(line, new TypeError("expected a JSON object with a string `type`"));
  }
  return value as ThreadEvent;
}

function splitInput(input: Input): { prompt: string; images: string[] } {
  if (typeof input === "string") return { prompt: input, images: [] };
  const texts: string[] = [];
  const images: string[] = [];
  for (const part of input) {
    if (part.type === "text") texts.push(part.text);
    else if (part.type === "local_image") images.push(part.path);
  }
  return { prompt: texts.join("\n\n"), images };
}
