import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectImageMimeType, loadImageForModel } from "./view-image.js";

const root = mkdtempSync(path.join(tmpdir(), "view-image-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const png = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.from([0, 0, 0, 13])]);

describe("view_image", () => {
  it("resolves the path against cwd and returns a data URL", async () => {
    writeFileSync(path.join(root, "shot.bin"), png);
    const image = await loadImageForModel(JSON.stringify({ path: "shot.bin" }), { cwd: root });
    expect(image).toEqual({
      path: path.join(root, "shot.bin"),
      imageUrl: `data:image/png;base64,${png.toString("base64")}`,
      detail: null,
    });
    const original = await loadImageForModel(JSON.stringify({ path: path.join(root, "shot.bin"), detail: "original" }), {
      cwd: "/",
    });
    expect(original.detail).toBe("original");
  });

  it("recognises formats by signature, then by extension", () => {
    expect(detectImageMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(detectImageMimeType(Buffer.from("GIF89a....", "latin1"))).toBe("image/gif");
    expect(detectImageMimeType(Buffer.from("RIFF\0\0\0\0WEBPVP8 ", "latin1"))).toBe("image/webp");
    expect(detectImageMimeType(png, "x.jpg")).toBe("image/png");
    expect(detectImageMimeType(Buffer.from("??"), "photo.JPEG")).toBe("image/jpeg");
    expect(detectImageMimeType(Buffer.from("plain text"), "notes.txt")).toBeNull();
  });

  it("explains missing files, directories and unsupported content", async () => {
    const load = (p: string, extra: object = {}) => loadImageForModel(JSON.stringify({ path: p, ...extra }), { cwd: root });
    await expect(load("missing.png")).rejects.toThrow(
      `unable to locate image at \`${path.join(root, "missing.png")}\`: No such file or directory (os error 2)`,
    );
    mkdirSync(path.join(root, "dir.png"));
    await expect(load("dir.png")).rejects.toThrow(`image path \`${path.join(root, "dir.png")}\` is not a file`);
    writeFileSync(path.join(root, "notes.txt"), "hello");
    await expect(load("notes.txt")).rejects.toThrow("unsupported image format");
    await expect(load("shot.bin", { detail: "high" })).rejects.toThrow("view_image.detail only supports `original`");
  });
});
