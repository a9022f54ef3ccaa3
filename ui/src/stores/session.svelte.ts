/** The app's connection state: the saved connections, the settings and which one is active.
 *  Components read `session`; every change goes through the shell and reloads from it, so the UI
 *  never holds more than the shell said (and never a key after it is saved). */
import * as connectionsApi from "../api/connections";
import type { Connection, NewConnection, Settings } from "../api/bindings";

class Session {
  connections = $state<Connection[]>([]);
  settings = $state<Settings | null>(null);
  loaded = $state(false);

  active = $derived(
    this.connections.find((c) => c.id === this.settings?.active_connection) ??
      this.connections[0] ??
      null,
  );

  /** Loads started; only the newest one's answer is kept. */
  private loads = 0;

  async load(): Promise<void> {
    const mine = ++this.loads;
    const [connections, settings] = await Promise.all([
      connectionsApi.listConnections(),
      connectionsApi.getSettings(),
    ]);
    // An older load answering late (a refresh after a refused key, say) would put back a list
    // without the connection just added: its form closed, and its card never came.
    if (mine !== this.loads) return;
    this.connections = connections;
    this.settings = settings;
    this.loaded = true;
  }

  async add(input: NewConnection): Promise<Connection> {
    const conn = await connectionsApi.addConnection(input);
    await this.load();
    return conn;
  }

  async replaceKey(id: string, key: string): Promise<Connection> {
    const conn = await connectionsApi.replaceKey(id, key);
    await this.load();
    return conn;
  }

  async update(id: string, name: string, expiresOn: string | null, readOnly: boolean | null) {
    await connectionsApi.updateConnection(id, { name, expires_on: expiresOn, read_only: readOnly });
    await this.load();
  }

  async remove(id: string): Promise<void> {
    await connectionsApi.removeConnection(id);
    await this.load();
  }

  async use(id: string): Promise<void> {
    this.settings = await connectionsApi.setActiveConnection(id);
  }

  async startDemo(): Promise<void> {
    await connectionsApi.startDemo();
    await this.load();
  }

  async resetDemo(): Promise<void> {
    await connectionsApi.resetDemo();
    await this.load();
  }

  async saveSettings(next: Settings): Promise<void> {
    this.settings = await connectionsApi.updateSettings(next);
  }

  /** After an `invalid_key` error the shell marked the connection; show that. */
  async refresh(): Promise<void> {
    await this.load();
  }
}

export const session = new Session();
