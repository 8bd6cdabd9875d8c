// Shapes of registry entries.
import type { z } from "zod";

/** One request method: its validators, experimental status and the names of its wire types. */
export interface RequestDefinition<M extends string = string, P = unknown, R = unknown> {
  readonly method: M;
  /** Validates (and for methods without params, normalises `null` to `undefined`) the request params. */
  readonly params: z.ZodType<P>;
  readonly result: z.ZodType<R>;
  /** The whole method needs the `experimentalApi` capability. */
  readonly experimental: boolean;
  /** Names of the wire types; `params` is null for methods without params. */
  readonly typeNames: { readonly params: string | null; readonly result: string };
  /**
   * Dotted paths of experimental fields (marked `@experimental` in the wire types). Arrays on the way are
   * crossed element by element. A client that did not opt in may not send the params fields, and should not
   * be sent the result fields.
   */
  readonly experimentalFields: { readonly params: readonly string[]; readonly result: readonly string[] };
}

/** One notification method. */
export interface NotificationDefinition<M extends string = string, P = unknown> {
  readonly method: M;
  readonly params: z.ZodType<P>;
  readonly experimental: boolean;
  /** Name of the params wire type; null for notifications without params. */
  readonly typeNames: { readonly params: string | null };
  /** Dotted paths of experimental fields of the params. */
  readonly experimentalFields: { readonly params: readonly string[] };
}
