import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerPlaceholders, releasePlaceholders } from "./placeholders.js";

let dir: string;
let markers: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "codex-placeholders-"));
  markers = path.join(dir, "markers");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("placeholders", () => {
  it("removes empty placeholders once the run is over", () => {
    const file = path.join(dir, ".codex");
    const folder = path.join(dir, ".agents");
    fs.writeFileSync(file, "");
    fs.mkdirSync(folder);
    const registrations = registerPlaceholders([file, folder], markers);
    expect(registrations).toHaveLength(2);
    releasePlaceholders(registrations);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(folder)).toBe(false);
    expect(fs.readdirSync(markers)).toEqual([]);
  });

  it("keeps placeholders that gained content", () => {
    const file = path.join(dir, ".git");
    fs.writeFileSync(file, "gitdir: elsewhere\n");
    releasePlaceholders(registerPlaceholders([file], markers));
    expect(fs.readFileSync(file, "utf8")).toBe("gitdir: elsewhere\n");
  });

  it("leaves a placeholder to the last live run that uses it, and ignores markers of dead runs", () => {
    const file = path.join(dir, ".codex");
    fs.writeFileSync(file, "");
    const [registration] = registerPlaceholders([file], markers);
    if (registration === undefined) throw new Error("registration failed");
    const otherLiveRun = path.join(registration.markerDir, `${process.ppid}-0`);
    fs.writeFileSync(otherLiveRun, file);
    releasePlaceholders([registration]);
    expect(fs.existsSync(file)).toBe(true);

    fs.rmSync(otherLiveRun);
    const deadRun = path.join(registration.markerDir, "2147483646-0");
    const again = registerPlaceholders([file], markers);
    fs.writeFileSync(deadRun, file);
    releasePlaceholders(again);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(registration.markerDir)).toBe(false);
  });
});
