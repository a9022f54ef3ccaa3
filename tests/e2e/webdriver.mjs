// A minimal W3C WebDriver client over fetch: enough to drive the app through tauri-driver
// without pulling a browser-automation framework (and its driver downloads) into CI.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { diagnose } from "./diagnose.mjs";

/** Processes running the app binary, by pid. */
function appProcesses(application) {
  try {
    return execFileSync("pgrep", ["-f", `^${application}( |$)`], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return []; // none
  }
}

/** Running, not a zombie (whose parent may be a driver that died without reaping it). */
function alive(pid) {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriverError extends Error {}

/** No WebDriver call may hang a test: an app that never comes up fails the test instead. */
const CALL_TIMEOUT_MS = 90000;
/** A window comes up in about a second; a start that takes this long is stuck. */
const START_TIMEOUT_MS = 30000;

async function call(base, method, path, body, timeoutMs = CALL_TIMEOUT_MS) {
  let res;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    // An abort prints as `{}` in the test report; say which call it was.
    if (e?.name === "TimeoutError") throw new WebDriverError(`${method} ${path}: no answer in ${timeoutMs} ms`);
    throw e;
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value ?? {};
    throw new WebDriverError(`${method} ${path}: ${v.error ?? res.status} ${v.message ?? ""}`.trim());
  }
  return json.value;
}

export class Session {
  /** A new session on a newly launched app. A start that hangs is described on stderr (see
   *  diagnose.mjs) and tried once more, so the report tells a stuck launch from a broken app. */
  static async start(driverUrl, application) {
    const body = { capabilities: { alwaysMatch: { "tauri:options": { application } } } };
    const before = appProcesses(application);
    let value;
    try {
      value = await call(driverUrl, "POST", "/session", body, START_TIMEOUT_MS);
    } catch (e) {
      if (!(e instanceof WebDriverError && /no answer/.test(e.message))) throw e;
      diagnose(e.message);
      value = await call(driverUrl, "POST", "/session", body, START_TIMEOUT_MS);
      console.error("--- e2e diagnosis: the second start came up");
    }
    const session = new Session(driverUrl, value.sessionId);
    session.pids = appProcesses(application).filter((p) => !before.includes(p));
    return session;
  }

  constructor(driverUrl, id) {
    this.base = `${driverUrl}/session/${id}`;
    /** The app processes this session launched. */
    this.pids = [];
  }

  cmd(method, path, body) {
    return call(this.base, method, path, body);
  }

  title() {
    return this.cmd("GET", "/title");
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return v[ELEMENT];
  }

  /** Every element matching `css`. A list re-rendered while WebKitWebDriver collects it makes it
   *  report a stale element or "Could not parse element info": the list is read again. */
  async findAll(css) {
    for (let tries = 1; ; tries++) {
      try {
        const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
        return v.map((e) => e[ELEMENT]);
      } catch (e) {
        if (tries >= 5 || !(e instanceof WebDriverError) || !/stale element|Could not parse element info/.test(e.message)) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** The first element under `parent` that matches `css`. */
  async findIn(parent, css) {
    const v = await this.cmd("POST", `/element/${parent}/element`, { using: "css selector", value: css });
    return v[ELEMENT];
  }

  async findAllIn(parent, css) {
    const v = await this.cmd("POST", `/element/${parent}/elements`, { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /** Polls until `css` matches an element, so tests wait for rendering instead of sleeping. */
  async waitFor(css, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const all = await this.findAll(css);
      if (all.length > 0) return all[0];
      if (Date.now() > end) throw new WebDriverError(`no element matches ${css} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  text(el) {
    return this.cmd("GET", `/element/${el}/text`);
  }

  displayed(el) {
    return this.cmd("GET", `/element/${el}/displayed`);
  }

  /** Waits until `el` is shown and enabled, scrolled to the middle of its scroll area first
   *  (WebKitWebDriver refuses elements under the status bar or below the fold), then runs
   *  `act`; a refusal as "not interactable" is waited out too. On a busy machine a control
   *  exists a moment before it can be used. */
  async whenInteractable(el, act, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      await this.reveal(el);
      let refused = "not yet shown and enabled";
      try {
        if (await this.interactable(el)) return await act();
      } catch (e) {
        if (!/not interactable|click intercepted/.test(String(e))) throw e;
        refused = String(e);
      }
      if (Date.now() > end) throw new WebDriverError(`element not interactable after ${timeoutMs} ms: ${refused}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Whether a user could use `el` now: attached, enabled, with a size, visible, and on top at
   *  its centre. Read in the page, because WebKitWebDriver calls table cells "not displayed". */
  interactable(el) {
    return this.evaluate(
      `const e = arguments[0];
       if (!e || !e.isConnected || e.disabled || e.closest("[inert]")) return false;
       if (e.tagName === "OPTION") { const s = e.closest("select"); return !!s && !s.disabled; }
       const r = e.getBoundingClientRect();
       if (r.width === 0 || r.height === 0) return false;
       const st = getComputedStyle(e);
       if (st.visibility === "hidden" || st.pointerEvents === "none") return false;
       const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
       return !!hit && (hit === e || e.contains(hit) || hit.contains(e) || hit.tagName === "LABEL");`,
      [{ [ELEMENT]: el }],
    );
  }

  /** Clicks an element once it can be clicked. */
  click(el) {
    return this.whenInteractable(el, () => this.cmd("POST", `/element/${el}/click`, {}));
  }

  /** Finds and clicks the first element matching `css`, again if a re-render replaced it in
   *  between (lists reload after navigation). */
  async clickOn(css, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.click(await this.waitFor(css, timeoutMs));
      } catch (e) {
        if (!/stale element/.test(String(e)) || Date.now() > end) throw e;
      }
    }
  }

  reveal(el) {
    return this.cmd("POST", "/execute/sync", {
      script: "arguments[0].scrollIntoView({ block: 'center' });",
      args: [{ [ELEMENT]: el }],
    });
  }

  /** Empties an input and types `text`. WebDriver's clear fires no input event, so emptying a
   *  field is finished as a user would: select all, delete. */
  fill(el, text) {
    return this.whenInteractable(el, async () => {
      if (text === "") {
        // Keys on the text still there: an already-empty field would fire no event either.
        await this.cmd("POST", `/element/${el}/value`, { text: `${Keys.CONTROL}a${Keys.NULL}${Keys.BACKSPACE}` });
        return;
      }
      await this.cmd("POST", `/element/${el}/clear`, {});
      await this.cmd("POST", `/element/${el}/value`, { text });
      // Typing that ends up elsewhere (focus moved mid-word) would otherwise surface much later
      // as a missing record or card: say so here, with where the focus went.
      if (/[\uE000-\uF8FF]/.test(text)) return; // keys such as Enter act rather than type
      const got = await this.evaluate(
        `const e = arguments[0];
         if (!["INPUT", "TEXTAREA"].includes(e.tagName) || !["text", "password", "url", "search", "email", "textarea"].includes(e.type)) return null;
         const a = document.activeElement;
         return { value: e.value, secret: e.type === "password", focus: a ? a.tagName + (a.dataset.testid ? "[" + a.dataset.testid + "]" : "") : "none" };`,
        [{ [ELEMENT]: el }],
      );
      if (got && got.value !== text) {
        const shown = (v) => (got.secret ? `${v.length} characters` : JSON.stringify(v));
        throw new WebDriverError(`typed ${shown(text)} but the field holds ${shown(got.value)}; the focus is on ${got.focus}`);
      }
    });
  }

  /** Sets a date or time input as its picker would, firing the events the page listens to:
   *  WebKitWebDriver cannot type into the native date and time controls. */
  setValue(css, value) {
    return this.evaluate(
      "const el = document.querySelector(arguments[0]); el.value = arguments[1]; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true }));",
      [css, value],
    );
  }

  attribute(el, name) {
    return this.cmd("GET", `/element/${el}/attribute/${name}`);
  }

  property(el, name) {
    return this.cmd("GET", `/element/${el}/property/${name}`);
  }

  /** Runs a script in the page and returns its result. Reading a list in one script sees one
   *  rendering of it, where element-by-element reads can meet elements replaced in between. */
  evaluate(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** `attr` (or the trimmed text, when null) of every element matching `css`, read at once. */
  readAll(css, attr = null) {
    return this.evaluate(
      "return [...document.querySelectorAll(arguments[0])].map((e) => arguments[1] === null ? e.textContent.trim() : e.getAttribute(arguments[1]));",
      [css, attr],
    );
  }

  /** Runs an async script in the page; it calls its last argument with the result. */
  executeAsync(script, args = []) {
    return this.cmd("POST", "/execute/async", { script, args });
  }

  source() {
    return this.cmd("GET", "/source");
  }

  /** Polls until an element matching `css` shows `text` (a string: contained; a RegExp: matched). */
  withText(css, text, timeoutMs = 10000) {
    const fits = (t) => (typeof text === "string" ? t.includes(text) : text.test(t));
    return this.until(async () => {
      for (const el of await this.findAll(css)) {
        // The list may re-render between finding and reading: a stale element is just not it.
        // textContent, because WebKitWebDriver reads table cells as "" however visible they are.
        const t = await this.cmd("POST", "/execute/sync", {
          script: "return arguments[0].textContent.trim();",
          args: [{ [ELEMENT]: el }],
        }).catch(() => null);
        if (t !== null && fits(t)) return el;
      }
      return null;
    }, `${css} showing ${text}`, timeoutMs);
  }

  /** Polls until `fn` returns something truthy. */
  async until(fn, what, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > end) throw new WebDriverError(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Presses a key chord, e.g. keys(["\uE009", "b"]) for Ctrl+B. */
  async keys(chord) {
    const down = chord.map((value) => ({ type: "keyDown", value }));
    const up = [...chord].reverse().map((value) => ({ type: "keyUp", value }));
    await this.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "keyboard", actions: [...down, ...up] }],
    });
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  /** Ends the session and waits until its app is gone. WebKitWebDriver kills the app after
   *  answering; a driver stopped at once may never do it, and an app left running takes the
   *  single-instance lock, so the next app launched for a session exits and never connects. */
  async end() {
    await this.cmd("DELETE", "");
    const end = Date.now() + 10000;
    while (this.pids.some(alive)) {
      if (Date.now() > end) {
        diagnose(`the app of an ended session is still running (${this.pids.filter(alive)})`);
        for (const pid of this.pids.filter(alive)) process.kill(pid, "SIGKILL");
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export const Keys = {
  CONTROL: "\uE009",
  SHIFT: "\uE008",
  ALT: "\uE00A",
  NULL: "\uE000",
  BACKSPACE: "\uE003",
  ENTER: "\uE007",
  ESCAPE: "\uE00C",
  DELETE: "\uE017",
  F2: "\uE032",
  ARROW_LEFT: "\uE012",
  ARROW_UP: "\uE013",
  ARROW_RIGHT: "\uE014",
  ARROW_DOWN: "\uE015",
};
