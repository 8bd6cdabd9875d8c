// Validators of user input.
import { z } from "zod";
import type { ByteRange, ImageDetail, TextElement, UserInput } from "../wire/index.js";
import { exact, nullish, uint } from "./exact.js";

export const byteRangeSchema = exact<ByteRange>()(z.object({ start: uint, end: uint }));
export const textElementSchema = exact<TextElement>()(
  z.object({ byteRange: byteRangeSchema, placeholder: nullish(z.string()) }),
);
export const imageDetailSchema = exact<ImageDetail>()(z.enum(["auto", "low", "high", "original"]));

export const userInputSchema = exact<UserInput>()(
  z.union([
    z.object({ type: z.literal("text"), text: z.string(), text_elements: z.array(textElementSchema).optional() }),
    z.union([
      z.object({ type: z.literal("image"), detail: nullish(imageDetailSchema), url: z.string() }),
      z.object({ type: z.literal("image"), detail: nullish(imageDetailSchema), fileId: z.string() }),
    ]),
    z.object({ type: z.literal("localImage"), path: z.string(), detail: nullish(imageDetailSchema) }),
    z.union([
      z.object({ type: z.literal("audio"), url: z.string() }),
      z.object({ type: z.literal("audio"), fileId: z.string() }),
    ]),
    z.object({ type: z.literal("localAudio"), path: z.string() }),
    z.object({ type: z.literal("skill"), name: z.string(), path: z.string() }),
    z.object({ type: z.literal("mention"), name: z.string(), path: z.string() }),
  ]),
);
