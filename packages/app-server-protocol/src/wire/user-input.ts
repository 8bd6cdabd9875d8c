// What a user sends into a turn (`turn/start`, `turn/steer`) and what `userMessage` items echo back.

import type { UInt } from "./scalars.js";

/** Half-open byte range `[start, end)` into a UTF-8 string. */
export interface ByteRange {
  start: UInt;
  end: UInt;
}

/** A span of a text input that the client rendered specially (a pasted block, a mention chip, ...). */
export interface TextElement {
  /** Where the span lies in the input text, in bytes. */
  byteRange: ByteRange;
  /** Text the client showed in place of the span, if any. */
  placeholder?: string | null;
}

/** Resolution the model should look at an image with. */
export type ImageDetail = "auto" | "low" | "high" | "original";

/** One piece of user input. Tagged by `type`; media are given by `url` (http(s) or data URL) or `fileId`. */
export type UserInput =
  | {
      type: "text";
      text: string;
      /** Specially rendered spans of `text` (snake_case on the wire). Defaults to none. */
      text_elements?: TextElement[];
    }
  | {
      type: "image";
      /** Defaults to the model's choice. */
      detail?: ImageDetail | null;
      url: string;
    }
  | {
      type: "image";
      /** Defaults to the model's choice. */
      detail?: ImageDetail | null;
      fileId: string;
    }
  | {
      type: "localImage";
      /** Image file on the server's machine. */
      path: string;
      detail?: ImageDetail | null;
    }
  | { type: "audio"; url: string }
  | { type: "audio"; fileId: string }
  | {
      type: "localAudio";
      /** Audio file on the server's machine. */
      path: string;
    }
  | {
      type: "skill";
      name: string;
      /** Path of the skill's definition file. */
      path: string;
    }
  | {
      type: "mention";
      name: string;
      /** What is mentioned, such as `app://<id>` or `plugin://<name>@<marketplace>`. */
      path: string;
    };
