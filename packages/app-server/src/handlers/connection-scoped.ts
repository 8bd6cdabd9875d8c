// Per-connection state (watches, processes, search sessions) that lives until the connection closes.
import type { ConnectionHandle } from "./context.js";
import { internal } from "./rpc-errors.js";

/**
 * Holds one `T` per connection, created on first use and disposed when the connection closes (or the
 * server shuts down).
 */
export class ConnectionScoped<T> {
  private readonly states = new Map<string, T>();

  constructor(
    private readonly create: (connection: ConnectionHandle) => T,
    private readonly dispose: (state: T) => void | Promise<void>,
  ) {}

  /** The connection's state, created (and its cleanup registered) on first use. */
  get(connection: ConnectionHandle): T {
    const existing = this.states.get(connection.id);
    if (existing !== undefined) return existing;
    if (connection.closed) {
      throw internal("the connection is closed");
    }
    const state = this.create(connection);
    this.states.set(connection.id, state);
    connection.onClose(async () => {
      if (this.states.get(connection.id) === state) this.states.delete(connection.id);
      await this.dispose(state);
    });
    return state;
  }

  /** The connection's state if it was ever created. */
  peek(connection: ConnectionHandle): T | undefined {
    return this.states.get(connection.id);
  }
}
