// Where configuration values come from: the layers of the config stack.
import type { AbsolutePathBuf, JsonValue } from "./scalars.js";

/** Origin of one config layer. Tagged by `type`. */
export type ConfigLayerSource =
  | {
      type: "packagedDefaults";
      /** File that holds the packaged defaults. */
      file: AbsolutePathBuf;
    }
  | {
      /** Managed preferences delivered by device management (macOS). */
      type: "mdm";
      domain: string;
      key: string;
    }
  | {
      /** System-wide managed config file. */
      type: "system";
      /** Path of the file; it may not exist. */
      file: AbsolutePathBuf;
    }
  | {
      /** Configuration pushed by an enterprise administrator. */
      type: "enterpriseManaged";
      id: string;
      name: string;
    }
  | {
      /** The user's config.toml under CODEX_HOME. */
      type: "user";
      /** Path of the file; it may not exist. */
      file: AbsolutePathBuf;
      /** Selected profile layered over the base user config, when this layer is one. */
      profile?: string | null;
    }
  | {
      /** A project `.codex/` folder between the working directory and the project root. */
      type: "project";
      dotCodexFolder: AbsolutePathBuf;
    }
  | {
      /** Overrides given on the command line with `-c`/`--config`. */
      type: "sessionFlags";
    }
  | {
      /** Older managed config file, applied over everything else. */
      type: "legacyManagedConfigTomlFromFile";
      file: AbsolutePathBuf;
    }
  | {
      /** Older managed config delivered by device management. */
      type: "legacyManagedConfigTomlFromMdm";
    };

/** Identifies a layer and the version of its contents. */
export interface ConfigLayerMetadata {
  name: ConfigLayerSource;
  /** Opaque version of the layer contents; pass it back as `expectedVersion` when writing. */
  version: string;
}

/** One layer of the config stack with its raw contents. */
export interface ConfigLayer {
  name: ConfigLayerSource;
  /** Opaque version of the layer contents. */
  version: string;
  /** The layer's settings as a JSON object. */
  config: JsonValue;
  /** Why the layer is ignored, when it is. */
  disabledReason?: string | null;
}
