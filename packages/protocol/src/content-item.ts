import { z } from "zod";

/** One part of a message's content (upstream `ContentItem`, tagged by `type`). */
export type ContentItem = InputTextContent | InputImageContent | OutputTextContent;

export interface InputTextContent {
  type: "input_text";
  text: string;
}

export interface InputImageContent {
  type: "input_image";
  /** A `data:` URL or an https URL. */
  image_url: string;
  detail?: "auto" | "low" | "high" | "original";
}

export interface OutputTextContent {
  type: "output_text";
  text: string;
  /** Citation annotations as sent by the API; kept as they came. */
  annotations?: unknown[];
}

export const contentItemSchema: z.ZodType<ContentItem> = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("input_text"), text: z.string() }),
  z.looseObject({
    type: z.literal("input_image"),
    image_url: z.string(),
    detail: z.enum(["auto", "low", "high", "original"]).optional(),
  }),
  z.looseObject({ type: z.literal("output_text"), text: z.string(), annotations: z.array(z.unknown()).optional() }),
]);

/** A reasoning summary part. */
export interface ReasoningSummaryText {
  type: "summary_text";
  text: string;
}

/** A raw reasoning part (only for models that expose raw reasoning). */
export interface ReasoningContentText {
  type: "reasoning_text" | "text";
  text: string;
}

export const reasoningSummaryTextSchema: z.ZodType<ReasoningSummaryText> = z.looseObject({
  type: z.literal("summary_text"),
  text: z.string(),
});

export const reasoningContentTextSchema: z.ZodType<ReasoningContentText> = z.looseObject({
  type: z.enum(["reasoning_text", "text"]),
  text: z.string(),
});
