// The items every thread's history starts with: the permissions (developer) message, the AGENTS.md
// instructions and the environment context; and the conversion of user input to a history message.
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { ContentItem, ResponseItem, UserInput } from "@codex-ts/protocol";
import { userInstructionsMessageText } from "./prompt/agents-md.js";
import { environmentContextText, permissionsInstructionsText } from "./prompt/environment-context.js";
import type { ThreadConfig } from "./thread-config.js";

function shellName(env: NodeJS.ProcessEnv): string {
  const shell = env["SHELL"];
  if (!shell) return "bash";
  return shell.split("/").pop() || "bash";
}

export function environmentContextItem(config: ThreadConfig, env: NodeJS.ProcessEnv): ResponseItem {
  return {
    type: "message",
    role: "user",
    content: [
      {
        type: "input_text",
        text: environmentContextText({
          cwd: config.cwd,
          approvalPolicy: config.approvalPolicy,
          sandboxPolicy: config.sandboxPolicy,
          shell: shellName(env),
        }),
      },
    ],
  };
}

export function initialContextItems(config: ThreadConfig, userInstructions: string | null, env: NodeJS.ProcessEnv): ResponseItem[] {
  const developer: ContentItem[] = [
    { type: "input_text", text: permissionsInstructionsText(config.sandboxPolicy, config.approvalPolicy) },
  ];
  if (config.developerInstructions) developer.push({ type: "input_text", text: config.developerInstructions });
  const user: ContentItem[] = [];
  if (userInstructions) user.push({ type: "input_text", text: userInstructionsMessageText(config.cwd, userInstructions) });
  const environment = environmentContextItem(config, env);
  if (environment.type === "message") user.push(...environment.content);
  return [
    { type: "message", role: "developer", content: developer },
    { type: "message", role: "user", content: user },
  ];
}

const MIME_BY_EXTENSION: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
};

/** The user's input as a history message; local images are read and inlined as data URLs. */
export async function userMessageItem(input: readonly UserInput[], cwd: string): Promise<ResponseItem> {
  const content: ContentItem[] = [];
  for (const part of input) {
    switch (part.type) {
      case "text":
        content.push({ type: "input_text", text: part.text });
        break;
      case "image":
        content.push({ type: "input_image", image_url: part.url });
        break;
      case "localImage": {
        const path = resolve(cwd, part.path);
        const mime = MIME_BY_EXTENSION[extname(path).toLowerCase()] ?? "application/octet-stream";
        const data = await readFile(path);
        content.push({ type: "input_text", text: `<image name=${path}>` });
        content.push({ type: "input_image", image_url: `data:${mime};base64,${data.toString("base64")}` });
        content.push({ type: "input_text", text: "</image>" });
        break;
      }
      case "skill":
      case "mention":
        content.push({ type: "input_text", text: `${part.name}: ${part.path}` });
        break;
    }
  }
  return { type: "message", role: "user", content };
}
