// Activation, measured outside VS Code: dist/extension.js required and activate() called with a stand-in `vscode`
// (every API a no-op that returns another stand-in; settings answer their defaults). Reports the wall time of
// require + activate and the kilobytes of dist/*.js evaluated (the lazy bundles count only if activation loads them).
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

function standIn(name = 'vscode') {
  const fn = function () {};
  return new Proxy(fn, {
    get(_target, key) {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'get') return (_key, fallback) => fallback; // configuration.get(key, default)
      if (key === 'event' || key === 'onDidChange') return () => ({ dispose() {} });
      return standIn(`${name}.${String(key)}`);
    },
    set: () => true,
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`),
  });
}

/** The module itself: its namespaces as own, enumerable properties (esbuild's interop copies own keys). */
function vscodeModule(bundle) {
  const names = new Set([...bundle.matchAll(/\b[A-Za-z_$][\w$]*\.(window|workspace|commands|tasks|authentication|env|extensions|l10n|languages|Uri|EventEmitter|TreeItem|TreeItemCollapsibleState|ThemeIcon|ThemeColor|Disposable|ProgressLocation|StatusBarAlignment|TaskScope|Task|CustomExecution|TaskRevealKind|TaskPanelKind|ConfigurationTarget|QuickInputButtons|InputBoxValidationSeverity|ExtensionMode|MarkdownString|LogLevel|ViewColumn|FileType|TreeItemCheckboxState|CancellationTokenSource)\b/g)].map((m) => m[1]));
  return Object.fromEntries([...names].map((n) => [n, standIn(`vscode.${n}`)]));
}

/** Runs `fn` with `require('vscode')` answered by the stand-in (namespaces as the bundle at `bundlePath` uses them). */
export function withVscodeStandIn(bundlePath, fn) {
  const originalLoad = Module._load;
  const vscode = vscodeModule(fs.readFileSync(bundlePath, 'utf8'));
  Module._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : originalLoad.call(this, request, parent, isMain);
  };
  try {
    return fn();
  } finally {
    Module._load = originalLoad;
  }
}

export function measureActivation(repo) {
  const dist = path.join(repo, 'dist');
  return withVscodeStandIn(path.join(dist, 'extension.js'), () => {
    const require = createRequire(path.join(dist, 'extension.js'));
    const context = { subscriptions: [], extension: { packageJSON: { version: '0.0.0' } }, globalState: { get: (_k, d) => d, update: async () => undefined }, extensionUri: standIn('uri'), extensionPath: repo };
    const started = performance.now();
    const main = require(path.join(dist, 'extension.js'));
    main.activate(context);
    const ms = performance.now() - started;
    const evaluated = Object.keys(require.cache).filter((file) => file.startsWith(dist + path.sep) && file.endsWith('.js'));
    const bytes = evaluated.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    return { ms, kb: bytes / 1024, files: evaluated.map((f) => path.basename(f)) };
  });
}
