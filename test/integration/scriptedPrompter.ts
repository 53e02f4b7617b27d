// A Prompter that answers from a script, so extension-host tests can drive wizards through every path. Each prompt
// takes the next answer; a prompt the script did not expect fails the test with what was asked.
import { GoBackError, type AskOptions, type InputOptions, type PickItem, type PickOptions, type Prompter } from '../../src/wizard/prompter';

export type Answer =
  | { kind: 'pick'; match: string | RegExp; before?: () => Promise<void> }
  | { kind: 'input'; value: string; expectMessage?: string }
  | { kind: 'back' }
  | { kind: 'cancel' }
  | { kind: 'ask'; button?: string }
  | { kind: 'save'; path?: string }
  | { kind: 'pickMany'; matches: (string | RegExp)[] };

/** `before` runs just before the answer is given (e.g. something changes in Azure while the user reads the review). */
export const pick = (match: string | RegExp, before?: () => Promise<void>): Answer => ({ kind: 'pick', match, before });
export const input = (value: string, expectMessage?: string): Answer => ({ kind: 'input', value, expectMessage });
export const back: Answer = { kind: 'back' };
export const cancel: Answer = { kind: 'cancel' };
export const answer = (button?: string): Answer => ({ kind: 'ask', button });
export const save = (path?: string): Answer => ({ kind: 'save', path });
/** Checks exactly the items matching these (and unchecks the others), then accepts. */
export const pickMany = (...matches: (string | RegExp)[]): Answer => ({ kind: 'pickMany', matches });

export interface AskedPick {
  placeholder: string;
  step?: { index: number; total: number };
  items: { label: string; description?: string; detail?: string; disabledReason?: string; suggested?: boolean; inert?: boolean; picked?: boolean }[];
}

export class ScriptedPrompter implements Prompter {
  /**
   * The extension's own cancellation error: the bundle checks `instanceof` against its copy of the class, which is
   * not this test's compiled copy. Set from the extension's test API (helpers.extensionApi).
   */
  static cancellation: () => Error = () => new Error('ScriptedPrompter.cancellation was not set from the extension API');

  /** Every quick-input prompt in the order asked: "pick: <placeholder>" or "input: <prompt>". */
  readonly asked: string[] = [];
  readonly picks: AskedPick[] = [];
  readonly inputs: { prompt: string; value?: string }[] = [];
  readonly messages: { message: string; severity: string; modal?: boolean; detail?: string; actions: string[] }[] = [];
  readonly documents: { content: string; language: string }[] = [];
  /** Documents opened by URI, status-bar messages and errors shown: they take no answer from the script. */
  readonly opened: string[] = [];
  readonly notices: string[] = [];
  readonly errors: string[] = [];
  readonly progress: { title: string; reports: string[] }[] = [];
  /** The titles of short reads shown where the prompts are (not as notifications). */
  readonly loads: string[] = [];
  /** The validation messages the script expected and saw. */
  readonly validations: string[] = [];
  private readonly script: Answer[];

  /** `cancelProgressWhen`: abort a progress task when it reports a matching message (the user pressing Cancel). */
  constructor(script: Answer[], private readonly cancelProgressWhen?: RegExp) {
    this.script = [...script];
  }

  get remaining(): number {
    return this.script.length;
  }

  async pick<T>(options: PickOptions<T>): Promise<T> {
    const items = typeof options.items === 'function' ? await options.items(new AbortController().signal) : options.items;
    this.asked.push(`pick: ${options.placeholder}`);
    this.picks.push({
      placeholder: options.placeholder,
      step: options.step && { index: options.step.index, total: options.step.total },
      items: items.map((i) => ({ label: plain(i.label), description: i.description, detail: i.detail, disabledReason: i.disabledReason, suggested: i.suggested, inert: i.inert })),
    });
    const next = this.next(`pick "${options.placeholder}" among ${items.map((i) => plain(i.label)).join(', ')}`);
    if (next.kind === 'back') throw new GoBackError();
    if (next.kind === 'cancel') throw ScriptedPrompter.cancellation();
    if (next.kind !== 'pick') throw new Error(`Script expected ${next.kind}, but the wizard asked to pick "${options.placeholder}".`);
    const found: PickItem<T> | undefined = items.find((i) => matches(next.match, plain(i.label)) || (i.description !== undefined && matches(next.match, i.description)));
    if (!found) throw new Error(`No item matching ${next.match} in "${options.placeholder}": ${items.map((i) => plain(i.label)).join(', ')}`);
    if (found.disabledReason) throw new Error(`"${plain(found.label)}" is disabled: ${found.disabledReason}`);
    await next.before?.();
    return found.value;
  }

  async pickMany<T>(options: PickOptions<T>): Promise<T[]> {
    const items = typeof options.items === 'function' ? await options.items(new AbortController().signal) : options.items;
    this.picks.push({ placeholder: options.placeholder, items: items.map((i) => ({ label: plain(i.label), description: i.description, picked: i.picked })) });
    const next = this.next(`check items of "${options.placeholder}" among ${items.map((i) => plain(i.label)).join(', ')}`);
    if (next.kind === 'cancel') throw ScriptedPrompter.cancellation();
    if (next.kind !== 'pickMany') throw new Error(`Script expected ${next.kind}, but the command asked to check items of "${options.placeholder}".`);
    return items.filter((i) => next.matches.some((m) => matches(m, plain(i.label)))).map((i) => i.value);
  }

  async input(options: InputOptions): Promise<string> {
    this.inputs.push({ prompt: options.prompt, value: options.value });
    this.asked.push(`input: ${options.prompt}`);
    for (;;) {
      const next = this.next(`input "${options.prompt}"`);
      if (next.kind === 'back') throw new GoBackError();
      if (next.kind === 'cancel') throw ScriptedPrompter.cancellation();
      if (next.kind !== 'input') throw new Error(`Script expected ${next.kind}, but the wizard asked for input "${options.prompt}".`);
      const message = options.validate?.(next.value) ?? (await options.validateAsync?.(next.value, new AbortController().signal));
      if (message !== next.expectMessage) {
        throw new Error(`Input "${next.value}" for "${options.prompt}": expected ${next.expectMessage ? `message "${next.expectMessage}"` : 'no message'}, got ${message ? `"${message}"` : 'none'}.`);
      }
      if (!message) return next.value;
      this.validations.push(message);
    }
  }

  async ask(message: string, options: AskOptions, ...actions: string[]): Promise<string | undefined> {
    this.messages.push({ message, severity: options.severity, modal: options.modal, detail: options.detail, actions });
    // Messages without buttons only inform: they take no answer from the script.
    if (!actions.length) return undefined;
    const next = this.next(`answer "${message}" with one of ${actions.join(', ')}`);
    if (next.kind !== 'ask') throw new Error(`Script expected ${next.kind}, but the wizard asked "${message}".`);
    return next.button;
  }

  async saveFile(options: { title: string; defaultPath: string }): Promise<string | undefined> {
    const next = this.next(`save "${options.title}"`);
    if (next.kind !== 'save') throw new Error(`Script expected ${next.kind}, but the wizard showed a save dialog "${options.title}".`);
    return next.path;
  }

  async showDocument(content: string, language: string): Promise<void> {
    this.documents.push({ content, language });
  }

  async openDocument(uri: string): Promise<void> {
    this.opened.push(uri);
  }

  notify(message: string): void {
    this.notices.push(message);
  }

  async showError(message: string): Promise<boolean> {
    this.errors.push(message);
    return false;
  }

  async withProgress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const entry = { title, reports: [] as string[] };
    this.progress.push(entry);
    return task((message) => {
      entry.reports.push(message);
      if (this.cancelProgressWhen?.test(message)) controller.abort();
    }, controller.signal);
  }

  async loading<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.loads.push(title);
    return task(new AbortController().signal);
  }

  private next(what: string): Answer {
    const next = this.script.shift();
    if (!next) throw new Error(`The script ran out: the wizard asked to ${what}.`);
    return next;
  }
}

/** Labels without their $(icon) prefixes. */
function plain(label: string): string {
  return label.replace(/\$\([\w~-]+\)\s*/g, '');
}

function matches(match: string | RegExp, text: string): boolean {
  return typeof match === 'string' ? text === match : match.test(text);
}
