/**
 * Everything a wizard asks the user goes through a Prompter: the VS Code implementation shows quick picks and input
 * boxes; the extension-host tests script the answers. Plain TypeScript: no `vscode` import here.
 */

/** Where a prompt sits in its wizard: shown as "Title (3/12)", with a Back button after the first step. */
export interface StepPosition {
  title: string;
  index: number;
  total: number;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  /** Listed, but accepting it only shows this reason (VS Code's quick pick has no disabled items). */
  disabledReason?: string;
  /** The remembered or suggested answer: highlighted first. */
  suggested?: boolean;
  /** A row that only informs (a review's summary line): accepting it does nothing. */
  inert?: boolean;
  /** In a many-choice pick: checked when it opens. */
  picked?: boolean;
}

export interface PickOptions<T> {
  step?: StepPosition;
  placeholder: string;
  /**
   * Items, or a function that loads them: the picker shows busy meanwhile, and `signal` aborts when the picker closes
   * (its list requests stop with it).
   */
  items: PickItem<T>[] | ((signal: AbortSignal) => Promise<PickItem<T>[]>);
  /** Shown when there are no items at all. */
  noItemsMessage?: string;
}

export interface InputOptions {
  step?: StepPosition;
  prompt: string;
  value?: string;
  placeholder?: string;
  /** Checked on every keystroke; returns the message naming the field and the rule. */
  validate?: (value: string) => string | undefined;
  /** Checked after typing pauses (e.g. "does this name exist?"), and again before the value is accepted. */
  validateAsync?: (value: string, signal: AbortSignal) => Promise<string | undefined>;
}

export interface AskOptions {
  severity: 'info' | 'warning' | 'error';
  modal?: boolean;
  detail?: string;
}

export interface ProgressReporter {
  (message: string): void;
}

export interface Prompter {
  pick<T>(options: PickOptions<T>): Promise<T>;
  /** Several choices (check boxes); resolves the checked values, possibly none. */
  pickMany<T>(options: PickOptions<T>): Promise<T[]>;
  input(options: InputOptions): Promise<string>;
  /** A message with buttons; resolves the chosen button, or undefined when dismissed. */
  ask(message: string, options: AskOptions, ...actions: string[]): Promise<string | undefined>;
  /** A save dialog; undefined when cancelled. */
  saveFile(options: { title: string; defaultPath: string }): Promise<string | undefined>;
  /** Opens text in an untitled editor. */
  showDocument(content: string, language: string): Promise<void>;
  /** Opens a document by URI (e.g. a read-only one of the extension's own content provider), as a preview. */
  openDocument(uri: string): Promise<void>;
  /** A brief message that needs no answer (the status bar: "Copied …"). */
  notify(message: string): void;
  /** The one way errors reach the user (see errors.ts): resolves true when they asked for the details. */
  showError(message: string): Promise<boolean>;
  /** A cancellable progress notification (for operations); the signal aborts when the user cancels. */
  withProgress<T>(title: string, task: (report: ProgressReporter, signal: AbortSignal) => Promise<T>): Promise<T>;
  /**
   * A short read between two prompts (the resource groups a step decides from): shown where the prompts are, as a busy
   * quick input, so a wizard does not flash notifications; closing it aborts the signal and cancels.
   */
  loading<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** Thrown by a prompt when the user presses Back. Recognised by name: test scripts load their own copy of this module. */
export class GoBackError extends Error {
  override readonly name = 'GoBackError';
  constructor() {
    super('Back');
  }
}

export function isGoBack(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'GoBackError';
}
