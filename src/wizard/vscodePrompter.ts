import * as vscode from 'vscode';
import { abortSignalFor, OperationCancelledError, raceAbort } from '../cancellation';
import { GoBackError, type AskOptions, type InputOptions, type PickItem, type PickOptions, type Prompter, type StepPosition } from './prompter';

/** Typing pauses this long before an async check (a GET per keystroke would be rude to ARM). */
const ASYNC_VALIDATION_DEBOUNCE_MS = 400;

interface Choice<T> extends vscode.QuickPickItem {
  item?: PickItem<T>;
}

/** A quick pick shown busy (its items load next), that stays open when focus moves. */
function openPicker<T>(options: PickOptions<T>, many: boolean): vscode.QuickPick<Choice<T>> {
  const picker = vscode.window.createQuickPick<Choice<T>>();
  decorate(picker, options.step);
  picker.canSelectMany = many;
  picker.placeholder = options.placeholder;
  picker.ignoreFocusOut = true;
  picker.matchOnDescription = true;
  picker.busy = true;
  picker.show();
  return picker;
}

/** The Prompter on VS Code's quick input: step counter, Back button, inline validation, busy while loading. */
export class VSCodePrompter implements Prompter {
  async pick<T>(options: PickOptions<T>): Promise<T> {
    const picker = openPicker<T>(options, false);
    const loading = new AbortController();
    try {
      return await new Promise<T>((resolve, reject) => {
        let items: PickItem<T>[] = [];
        picker.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && reject(new GoBackError()));
        picker.onDidHide(() => reject(new OperationCancelledError()));
        picker.onDidAccept(() => {
          const chosen = picker.selectedItems[0]?.item;
          if (!chosen || chosen.inert) return;
          if (chosen.disabledReason) {
            // Keep the picker open and say why; the placeholder is the one text line a quick pick can show.
            picker.placeholder = `${chosen.label}: ${chosen.disabledReason}`;
            return;
          }
          resolve(chosen.value);
        });
        Promise.resolve(typeof options.items === 'function' ? options.items(loading.signal) : options.items).then(
          (loaded) => {
            items = loaded;
            picker.busy = false;
            if (!items.length) {
              picker.items = [{ label: options.noItemsMessage ?? vscode.l10n.t('Nothing to choose from.') }];
              return;
            }
            picker.items = items.map((item) => toChoice(item));
            const suggested = picker.items.find((c) => c.item?.suggested && !c.item.disabledReason);
            if (suggested) picker.activeItems = [suggested];
          },
          (error) => reject(error),
        );
      });
    } finally {
      loading.abort();
      picker.dispose();
    }
  }

  async pickMany<T>(options: PickOptions<T>): Promise<T[]> {
    const picker = openPicker<T>(options, true);
    const loading = new AbortController();
    try {
      return await new Promise<T[]>((resolve, reject) => {
        picker.onDidHide(() => reject(new OperationCancelledError()));
        picker.onDidAccept(() => resolve(picker.selectedItems.flatMap((c) => (c.item ? [c.item.value] : []))));
        Promise.resolve(typeof options.items === 'function' ? options.items(loading.signal) : options.items).then(
          (loaded) => {
            picker.busy = false;
            picker.items = loaded.map((item) => toChoice(item));
            picker.selectedItems = picker.items.filter((c) => c.item?.picked);
          },
          (error) => reject(error),
        );
      });
    } finally {
      loading.abort();
      picker.dispose();
    }
  }

  async input(options: InputOptions): Promise<string> {
    const box = vscode.window.createInputBox();
    decorate(box, options.step);
    box.prompt = options.prompt;
    box.placeholder = options.placeholder;
    box.value = options.value ?? '';
    box.ignoreFocusOut = true;
    box.show();
    let pending: AbortController | undefined;
    let timer: NodeJS.Timeout | undefined;
    const stopChecking = () => {
      pending?.abort();
      pending = undefined;
      clearTimeout(timer);
      box.busy = false;
    };
    /** The rule first, then the service; a check that could not run warns but does not block (it is redone before creating). */
    const check = async (value: string): Promise<{ message?: string; blocking: boolean; stale?: boolean }> => {
      stopChecking();
      const message = options.validate?.(value);
      if (message || !options.validateAsync) return { message, blocking: !!message };
      const controller = (pending = new AbortController());
      box.busy = true;
      try {
        const found = await options.validateAsync(value, controller.signal);
        return { message: found, blocking: !!found, stale: controller.signal.aborted };
      } catch (error) {
        if (controller.signal.aborted) return { blocking: false, stale: true };
        return {
          message: vscode.l10n.t('Could not check this name now ({0}); it is checked again before anything is created.', `${(error as Error).message}`),
          blocking: false,
        };
      } finally {
        if (pending === controller) box.busy = false;
      }
    };
    const show = (result: { message?: string; blocking: boolean }) => {
      box.validationMessage = result.message && !result.blocking ? { message: result.message, severity: vscode.InputBoxValidationSeverity.Warning } : result.message;
    };
    try {
      return await new Promise<string>((resolve, reject) => {
        box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && reject(new GoBackError()));
        box.onDidHide(() => reject(new OperationCancelledError()));
        box.onDidChangeValue((value) => {
          // Every keystroke cancels the check in flight: its answer would be about an older value.
          stopChecking();
          box.validationMessage = options.validate?.(value);
          if (box.validationMessage || !options.validateAsync) return;
          timer = setTimeout(() => {
            // A failed check leaves the box as it is: Enter checks again (and shows that failure).
            check(value).then((result) => {
              if (!result.stale && box.value === value) show(result);
            }, () => undefined);
          }, ASYNC_VALIDATION_DEBOUNCE_MS);
        });
        box.onDidAccept(async () => {
          const value = box.value;
          box.enabled = false;
          const result = await check(value);
          box.enabled = true;
          if (result.stale || box.value !== value) return;
          show(result);
          if (!result.blocking) resolve(value);
        });
        if (box.value) box.validationMessage = options.validate?.(box.value);
      });
    } finally {
      stopChecking();
      box.dispose();
    }
  }

  async ask(message: string, options: AskOptions, ...actions: string[]): Promise<string | undefined> {
    const show =
      options.severity === 'error' ? vscode.window.showErrorMessage : options.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(message, { modal: options.modal, detail: options.detail }, ...actions);
  }

  async saveFile(options: { title: string; defaultPath: string }): Promise<string | undefined> {
    const uri = await vscode.window.showSaveDialog({ title: options.title, defaultUri: vscode.Uri.file(options.defaultPath) });
    return uri?.fsPath;
  }

  async showDocument(content: string, language: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ content, language });
    await vscode.window.showTextDocument(document, { preview: false });
  }

  async openDocument(uri: string): Promise<void> {
    await vscode.window.showTextDocument(vscode.Uri.parse(uri, true), { preview: true });
  }

  notify(message: string): void {
    vscode.window.setStatusBarMessage(message, 3000);
  }

  async showError(message: string): Promise<boolean> {
    const showDetails = vscode.l10n.t('Show Details');
    return (await vscode.window.showErrorMessage(message, showDetails)) === showDetails;
  }

  withProgress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
        task((message) => progress.report({ message }), abortSignalFor(token)),
      ),
    );
  }

  async loading<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    // Enabled (with no items, Enter does nothing): the keyboard stays in the quick input, so what the user types
    // ahead goes nowhere rather than into the editor, and Escape is the quick input's.
    const picker = vscode.window.createQuickPick();
    picker.placeholder = title;
    picker.busy = true;
    picker.ignoreFocusOut = true;
    const controller = new AbortController();
    const hidden = picker.onDidHide(() => controller.abort());
    picker.show();
    try {
      return await raceAbort(task(controller.signal), controller.signal);
    } finally {
      hidden.dispose(); // disposing the picker hides it: that is not the user cancelling
      picker.dispose();
    }
  }
}

function decorate(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, step: StepPosition | undefined): void {
  if (!step) return;
  input.title = step.title;
  input.step = step.index;
  input.totalSteps = step.total;
  input.buttons = step.index > 1 ? [vscode.QuickInputButtons.Back] : [];
}

function toChoice<T>(item: PickItem<T>): Choice<T> {
  return {
    label: item.disabledReason ? `$(circle-slash) ${item.label}` : item.label,
    description: item.description,
    detail: item.disabledReason ? vscode.l10n.t('Not available: {0}', item.disabledReason) : item.detail,
    item,
  };
}
