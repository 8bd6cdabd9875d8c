import { describe, expect, it } from "vitest";
import { NoopThreadConfigLoader, StaticThreadConfigLoader } from "./thread-config-loader.js";

describe("thread config loaders", () => {
  it("the no-op loader supplies nothing", async () => {
    expect(await new NoopThreadConfigLoader().load()).toEqual([]);
  });

  it("the static loader supplies its layers in order, as fresh arrays", async () => {
    const loader = new StaticThreadConfigLoader([
      { id: "a", config: { model: "x" } },
      { id: "b", config: { model: "y" } },
    ]);
    const first = await loader.load();
    expect(first.map((layer) => layer.id)).toEqual(["a", "b"]);
    first.pop();
    expect(await loader.load()).toHaveLength(2);
    expect((await loader.load())[1]?.config).toEqual({ model: "y" });
  });
});
