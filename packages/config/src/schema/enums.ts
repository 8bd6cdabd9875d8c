import { z } from "zod";

export const approvalPolicySchema = z
  .enum(["untrusted", "on-failure", "on-request", "never"])
  .describe("When to ask before running a command: untrusted, on-failure, on-request or never.");
export type AskForApproval = z.infer<typeof approvalPolicySchema>;

export const sandboxModeSchema = z
  .enum(["read-only", "workspace-write", "danger-full-access"])
  .describe("Sandbox for commands the agent runs.");
export type SandboxMode = z.infer<typeof sandboxModeSchema>;

export const reasoningEffortSchema = z
  .enum(["none", "minimal", "low", "medium", "high", "xhigh"])
  .describe("Reasoning effort for models that support it (Responses API `reasoning.effort`).");
export type ReasoningEffort = z.infer<typeof reasoningEffortSchema>;

export const reasoningSummarySchema = z
  .enum(["auto", "concise", "detailed", "none"])
  .describe("Reasoning summary detail (Responses API `reasoning.summary`).");
export type ReasoningSummary = z.infer<typeof reasoningSummarySchema>;

export const verbositySchema = z
  .enum(["low", "medium", "high"])
  .describe("Output verbosity for models that support it (Responses API `text.verbosity`).");
export type Verbosity = z.infer<typeof verbositySchema>;

export const webSearchModeSchema = z
  .enum(["disabled", "cached", "live"])
  .describe("Web search tool mode.");
export type WebSearchMode = z.infer<typeof webSearchModeSchema>;

export const authCredentialsStoreSchema = z
  .enum(["file", "keyring", "auto", "ephemeral"])
  .describe("Where CLI login credentials are stored.");
export type AuthCredentialsStoreMode = z.infer<typeof authCredentialsStoreSchema>;

export const oauthCredentialsStoreSchema = z
  .enum(["auto", "file", "keyring"])
  .describe("Where MCP OAuth tokens are stored.");
export type OAuthCredentialsStoreMode = z.infer<typeof oauthCredentialsStoreSchema>;

export const forcedLoginMethodSchema = z
  .enum(["chatgpt", "api"])
  .describe("Only allow this login method.");
export type ForcedLoginMethod = z.infer<typeof forcedLoginMethodSchema>;

export const trustLevelSchema = z.enum(["trusted", "untrusted"]);
export type TrustLevel = z.infer<typeof trustLevelSchema>;

export const wireApiSchema = z
  .enum(["responses", "chat"])
  .describe("Which API the provider speaks: the Responses API or Chat Completions.");
export type WireApi = z.infer<typeof wireApiSchema>;

export const historyPersistenceSchema = z.enum(["save-all", "none"]);
export type HistoryPersistence = z.infer<typeof historyPersistenceSchema>;

export const fileOpenerSchema = z
  .enum(["vscode", "vscode-insiders", "windsurf", "cursor", "none"])
  .describe("Editor used for file links in citations.");
export type UriBasedFileOpener = z.infer<typeof fileOpenerSchema>;
