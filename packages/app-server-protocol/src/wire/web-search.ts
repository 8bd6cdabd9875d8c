// Web search settings, as they appear in the effective config.

/** Whether and how the web search tool is offered. */
export type WebSearchMode = "disabled" | "cached" | "indexed" | "live";

/** Which implementation serves web search requests. */
export type WebSearchProvider = "standalone" | "search_mcp";

/** How much retrieved context web search may add. */
export type WebSearchContextSize = "low" | "medium" | "high";

/** Approximate user location passed to web search. */
export interface WebSearchLocation {
  country?: string | null;
  region?: string | null;
  city?: string | null;
  timezone?: string | null;
}

/** Options of the web search tool (snake_case keys, as in config.toml). */
export interface WebSearchToolConfig {
  context_size?: WebSearchContextSize | null;
  allowed_domains?: string[] | null;
  location?: WebSearchLocation | null;
}
