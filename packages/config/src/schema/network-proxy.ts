import { z } from "zod";
import { closedTable } from "./table-kinds.js";

/** `[network_proxy]`: the policy proxy that sandboxed commands reach the network through. */
export const networkProxySchema = closedTable({
  enabled: z.boolean().optional(),
  proxy_url: z.string().optional().describe("Address the HTTP proxy listens on."),
  admin_url: z.string().optional().describe("Address of the admin API."),
  enable_socks5: z.boolean().optional(),
  socks_url: z.string().optional(),
  enable_socks5_udp: z.boolean().optional(),
  mode: z.enum(["full", "limited"]).optional().describe("limited allows only GET, HEAD and OPTIONS."),
  allowed_domains: z.array(z.string()).optional(),
  denied_domains: z.array(z.string()).optional(),
  allow_local_binding: z.boolean().optional(),
  dangerously_allow_non_loopback_proxy: z.boolean().optional(),
  dangerously_allow_non_loopback_admin: z.boolean().optional(),
}).describe("Network policy proxy settings.");
export type NetworkProxyConfigToml = z.output<typeof networkProxySchema>;
