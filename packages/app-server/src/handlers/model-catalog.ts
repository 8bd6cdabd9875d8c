// The built-in model list, used when the provider's `/models` endpoint cannot be reached. Ids, effort
// levels, defaults and upgrade paths follow the catalog of the released upstream CLI; descriptions are ours.
import type { Model, ReasoningEffortOption } from "@codex-ts/app-server-protocol";

const EFFORT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  minimal: "Fewest reasoning tokens, for the quickest answers",
  low: "Quick answers with light reasoning",
  medium: "A balance of speed and depth for most tasks",
  high: "Deeper reasoning for harder problems",
  xhigh: "Very deep reasoning for complex problems",
  max: "The deepest reasoning for the hardest problems",
  ultra: "The deepest reasoning, delegating parts of the task automatically",
};

/** Effort options with their descriptions, in the given order. */
export function effortOptions(efforts: readonly string[]): ReasoningEffortOption[] {
  return efforts.map((reasoningEffort) => ({
    reasoningEffort,
    description: EFFORT_DESCRIPTIONS[reasoningEffort] ?? `${reasoningEffort} reasoning effort`,
  }));
}

const FULL = ["low", "medium", "high", "xhigh", "max", "ultra"];
const NO_ULTRA = ["low", "medium", "high", "xhigh", "max"];
const FAST_TIER = [{ id: "priority", name: "Fast", description: "Faster responses at a higher usage rate" }];

interface CatalogEntry {
  id: string;
  displayName: string;
  description: string;
  efforts: readonly string[];
  defaultEffort: string;
  hidden?: boolean;
  isDefault?: boolean;
  fastTier?: boolean;
  defaultServiceTier?: string;
  multiAgentVersion?: Model["multiAgentVersion"];
  upgrade?: string;
  modelSpecialty?: string;
}

const CATALOG: readonly CatalogEntry[] = [
  { id: "gpt-6.1-sol", displayName: "GPT-6.1-Sol", description: "The newest general model for coding and everyday work.", efforts: FULL, defaultEffort: "low", isDefault: true, fastTier: true, multiAgentVersion: "v2" },
  { id: "gpt-6-astra", displayName: "GPT-6-Astra", description: "The most capable model, for the most demanding work.", efforts: FULL, defaultEffort: "low", fastTier: true, multiAgentVersion: "v2" },
  { id: "gpt-6-sol", displayName: "GPT-6-Sol", description: "The previous general model.", efforts: FULL, defaultEffort: "medium", fastTier: true, defaultServiceTier: "priority", multiAgentVersion: "v2" },
  { id: "gpt-6-luna", displayName: "GPT-6-Luna", description: "A fast, economical model for simpler tasks.", efforts: NO_ULTRA, defaultEffort: "medium", fastTier: true, defaultServiceTier: "priority", multiAgentVersion: "v2" },
  { id: "gpt-5.6-sol", displayName: "GPT-5.6-Sol", description: "An older general model.", efforts: FULL, defaultEffort: "low", fastTier: true, multiAgentVersion: "v2", upgrade: "gpt-6-sol" },
  { id: "gpt-6.1-terra", displayName: "GPT-6.1 Terra", description: "A balanced model tuned for coding.", efforts: FULL, defaultEffort: "low", fastTier: true, multiAgentVersion: "v2" },
  { id: "gpt-5.6-terra", displayName: "GPT-5.6-Terra", description: "An older balanced model for straightforward work.", efforts: FULL, defaultEffort: "medium", fastTier: true, multiAgentVersion: "v2", upgrade: "gpt-6-sol" },
  { id: "gpt-5.6-luna", displayName: "GPT-5.6-Luna", description: "An older fast and economical model.", efforts: NO_ULTRA, defaultEffort: "medium", fastTier: true, multiAgentVersion: "v1", upgrade: "gpt-6-luna" },
  { id: "gpt-daybreak-blue-latest", displayName: "Daybreak Blue", description: "A frontier coding model for defensive security work.", efforts: FULL, defaultEffort: "low", hidden: true, multiAgentVersion: "v2", modelSpecialty: "cyber" },
  { id: "gpt-daybreak-red-latest", displayName: "Daybreak Red", description: "A security-research variant of the frontier coding model, for authorized use.", efforts: FULL, defaultEffort: "medium", hidden: true, multiAgentVersion: "v2", modelSpecialty: "cyber" },
  { id: "gpt-5.5", displayName: "GPT-5.5", description: "A legacy coding model.", efforts: ["low", "medium", "high", "xhigh"], defaultEffort: "medium", fastTier: true, upgrade: "gpt-6-sol" },
  { id: "codex-auto-review", displayName: "Codex Auto Review", description: "The model that reviews approval requests automatically.", efforts: NO_ULTRA, defaultEffort: "medium", hidden: true, fastTier: true, multiAgentVersion: "v1" },
];

function toModel(entry: CatalogEntry): Model {
  return {
    id: entry.id,
    model: entry.id,
    upgrade: entry.upgrade ?? null,
    upgradeInfo:
      entry.upgrade === undefined
        ? null
        : { model: entry.upgrade, upgradeCopy: null, modelLink: null, migrationMarkdown: null, retirementAt: null },
    availabilityNux: null,
    displayName: entry.displayName,
    description: entry.description,
    modelSpecialty: entry.modelSpecialty ?? null,
    hidden: entry.hidden ?? false,
    supportedReasoningEfforts: effortOptions(entry.efforts),
    defaultReasoningEffort: entry.defaultEffort,
    inputModalities: ["text", "image"],
    supportsPersonality: false,
    multiAgentVersion: entry.multiAgentVersion ?? null,
    additionalSpeedTiers: entry.fastTier === true ? ["fast"] : [],
    serviceTiers: entry.fastTier === true ? FAST_TIER.map((tier) => ({ ...tier })) : [],
    defaultServiceTier: entry.defaultServiceTier ?? null,
    availableAccessPrograms: null,
    isDefault: entry.isDefault ?? false,
  };
}

/** The built-in models, in display order (hidden ones included). */
export function builtInModels(): Model[] {
  return CATALOG.map(toModel);
}

/** A built-in model by id, if there is one. */
export function builtInModel(id: string): Model | undefined {
  const entry = CATALOG.find((candidate) => candidate.id === id);
  return entry === undefined ? undefined : toModel(entry);
}

/** A model the catalog does not know, as reported by a provider: its id, with a standard effort range. */
export function genericModel(id: string, displayName?: string, description?: string): Model {
  return {
    ...toModel({ id, displayName: displayName ?? id, description: description ?? "", efforts: ["low", "medium", "high"], defaultEffort: "medium" }),
    multiAgentVersion: null,
  };
}
