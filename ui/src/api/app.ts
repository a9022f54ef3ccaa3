import { getVersion } from "@tauri-apps/api/app";

/** The app's version from the shell, or null when the UI runs outside Tauri (e.g. unit tests). */
export async function appVersion(): Promise<string | null> {
  try {
    return await getVersion();
  } catch {
    return null;
  }
}
