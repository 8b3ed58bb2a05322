// What the desk must keep but never show or store with its data: the mailbox and SMTP passwords
// and the phone system's token. Each host gives its own store: the web host and the command
// line a 0600 file in the key folder (outside --data), Electron its safeStorage
// (main/electron/secrets.ts), the team server its PostgreSQL (main/team/server/mail.ts).
export interface SecretStore {
  /** The value kept under this name, or null. */
  get(name: string): Promise<string | null>;
  /** Keeps the value (null forgets it). */
  set(name: string, value: string | null): Promise<void>;
}

/** For tests and for a desk that keeps nothing between runs. */
export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void (value === null ? values.delete(name) : values.set(name, value)),
  };
}

/** A store of named values as one sealed blob; the file and Electron stores share it. */
export function blobSecretStore(blob: { read(): string | null; write(text: string): void }): SecretStore {
  const all = (): Record<string, string> => JSON.parse(blob.read() ?? '{}') as Record<string, string>;
  return {
    get: async (name) => all()[name] ?? null,
    async set(name, value) {
      const next = all();
      if (value === null) delete next[name];
      else next[name] = value;
      blob.write(JSON.stringify(next));
    },
  };
}
