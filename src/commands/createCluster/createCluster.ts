import * as l10n from '@vscode/l10n';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AzureSession } from '../../auth/azureSession';
import { API_VERSIONS } from '../../azure/apiVersions';
import { listSubscriptions } from '../../azure/subscriptions';
import type { CustomLocation, LogicalNetwork } from '../../azure/models';
import { parseResourceId } from '../../azure/resourceId';
import type { Prompter } from '../../wizard/prompter';
import { runWizard } from '../../wizard/runWizard';
import { logicalNetworkProblem } from '../../azure/logicalNetwork';
import { runCreateCluster } from './run';
import { ADVANCED_CREATE_STEPS, QUICK_CREATE_STEPS } from './steps';
import { rememberedDefaults, toClusterSpec, type CreateClusterContext, type WizardDefaults } from './wizardContext';

export interface CreateClusterDependencies {
  session: AzureSession;
  prompter: Prompter;
  /** Per-workspace memory of the last answers. */
  defaults: { get(): WizardDefaults; set(value: WizardDefaults): Thenable<void> | Promise<void> };
  log: (line: string) => void;
  onChanged: (changedResourceId: string) => void;
  sshDirectory?: string;
  pollMs?: number;
}

/** The tree item the command was started from: a custom location or a logical network prefills the wizard. */
export interface CreateClusterOrigin {
  resource?: { id: string; name: string; type?: string };
}

/**
 * "Create Kubernetes Cluster…" (quick: a few questions, defaults for the rest) or "… (Advanced)…" (every answer): the
 * wizard, then the two-step create (or only the exported requests).
 */
export async function createCluster(deps: CreateClusterDependencies, origin?: CreateClusterOrigin, mode: 'quick' | 'advanced' = 'quick'): Promise<void> {
  const client = deps.session.client;
  const prefilled = prefillFrom(origin);
  const context: CreateClusterContext = {
    client,
    inventory: deps.session.inventory,
    tenantId: deps.session.tenantId,
    defaults: deps.defaults.get(),
    prefilled,
    sshDirectory: deps.sshDirectory ?? path.join(os.homedir(), '.ssh'),
    pollMs: deps.pollMs,
  };
  if (origin?.resource && prefilled.customLocationId) await applyOrigin(context, origin.resource, deps.prompter);

  await runWizard(l10n.t('Create AKS Arc Cluster'), mode === 'quick' ? QUICK_CREATE_STEPS : ADVANCED_CREATE_STEPS, context, deps.prompter);
  await deps.defaults.set(rememberedDefaults(context));
  if (context.action !== 'create') return;
  const spec = toClusterSpec(context);
  await runCreateCluster(spec, context.resourceGroup?.isNew ? context.resourceGroup.location : undefined, {
    client,
    prompter: deps.prompter,
    log: deps.log,
    onChanged: deps.onChanged,
  });
}

function prefillFrom(origin: CreateClusterOrigin | undefined): CreateClusterContext['prefilled'] {
  const resource = origin?.resource;
  if (!resource) return {};
  const id = parseResourceId(resource.id);
  const type = `${id.provider}/${id.types.join('/')}`.toLowerCase();
  if (type === 'microsoft.extendedlocation/customlocations') return { subscriptionId: id.subscriptionId, customLocationId: resource.id };
  const network = resource as LogicalNetwork;
  if (type === 'microsoft.azurestackhci/logicalnetworks' && network.extendedLocation?.name) {
    return { subscriptionId: id.subscriptionId, customLocationId: network.extendedLocation.name, logicalNetworkId: resource.id };
  }
  return {};
}

/** Resolves the prefilled subscription, custom location and logical network; an unusable network stops here, with why. */
async function applyOrigin(context: CreateClusterContext, resource: { id: string }, prompter: Prompter): Promise<void> {
  const { subscriptionId, customLocationId, logicalNetworkId } = context.prefilled;
  if (logicalNetworkId) {
    const network = resource as LogicalNetwork;
    const problem = logicalNetworkProblem(network);
    if (problem) throw new Error(l10n.t('Logical network {0} cannot host an AKS Arc cluster: {1}', network.name, problem));
    context.logicalNetwork = network;
  }
  const [subscriptions, customLocation] = await prompter.loading(l10n.t('Reading the subscription and custom location…'), (signal) =>
    Promise.all([listSubscriptions(context.client, signal), context.client.get<CustomLocation>(customLocationId!, { apiVersion: API_VERSIONS.customLocations, signal })]),
  );
  const subscription = subscriptions.find((s) => s.subscriptionId.toLowerCase() === subscriptionId?.toLowerCase());
  if (!subscription) throw new Error(l10n.t('Subscription {0} is not available to this account.', `${subscriptionId}`));
  context.subscription = subscription;
  context.customLocation = customLocation;
}
