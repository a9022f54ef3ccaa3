// Adding a connection through the window, as a user does: Connections → Add → name, address, key.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT } from "./env.mjs";
import { literally } from "./nav.mjs";

/** Adds a connection and returns its card's connection id once it is listed. */
export async function addConnection(s, name, url, key) {
  // A first launch offers "Add a connection" on its welcome page; later, Connections does.
  const welcome = await s.findAll("[data-testid=add-connection]");
  if (welcome.length > 0) await s.click(welcome[0]);
  else {
    await s.click(await s.waitFor("[data-testid=nav-connections]"));
    await s.click(await s.waitFor("[data-testid=open-add-form]"));
  }
  await s.fill(await s.waitFor("[data-testid=field-name]"), name);
  await s.fill(await s.find("[data-testid=field-url]"), url);
  await s.fill(await s.find("[data-testid=field-key]"), key);
  await s.click(await s.find("[data-testid=form-save]"));
  // By textContent: WebKitWebDriver's element text is "" for a card scrolled out of view, and
  // a new card, last in a long list, often is.
  const cards = "[data-testid=connection-card]";
  const named = new RegExp(`^${literally(name)}`);
  const card = await s.withText(cards, named, 20000).catch(async (e) => {
    // Keep what the window showed: a list without the card reads differently from a card
    // saved under another name (how a stolen focus once showed).
    const shown = await s
      .evaluate(
        `const names = [...document.querySelectorAll("[data-testid=connection-card] h3")].map((h) => h.textContent);
         const form = document.querySelector("[data-testid=connection-form]");
         return "cards: " + JSON.stringify(names) + " | form: " + (form ? form.innerText.slice(0, 600) : "none");`,
      )
      .catch((err) => `(unreadable: ${err.message})`);
    console.error(`--- addConnection "${name}": no card after 20 s; the window showed: ${shown}`);
    writeFileSync(join(OUTPUT, "add-connection-failed.png"), await s.screenshot().catch(() => ""));
    throw e;
  });
  return s.attribute(card, "data-connection-id");
}

/** Makes the connection with `id` the one the window shows. */
export async function useConnection(s, id) {
  // The first connection of a new profile is in use from the start and offers no "Use".
  const use = await s.findAll(`[data-connection-id="${id}"] [data-testid=connection-use]`);
  if (use.length > 0) await s.click(use[0]);
  else await s.waitFor(`[data-connection-id="${id}"].active`);
}
