/**
 * The create-cluster requests as a `.http` document (REST Client / VS Code), so a developer can review and send them
 * by hand. The token is a placeholder: a document may be saved or shared, so it never holds a real one.
 */
import * as l10n from '@vscode/l10n';
import type { ArmRequestSpec } from './bodies';

/**
 * A request to render; without a title, the create-cluster step's name by position. (Omit keeps this compatible
 * whether or not ArmRequestSpec itself carries a title.)
 */
export type HttpDocumentRequest = Omit<ArmRequestSpec, 'title'> & { title?: string };

/** The step titles by position (as bodies.ts titles the requests), translated when rendered. */
const stepTitles = (): string[] => [l10n.t('connected cluster (Microsoft.Kubernetes)'), l10n.t('AKS Arc instance (Microsoft.HybridContainerService)')];

export function renderHttpDocument(requests: HttpDocumentRequest[], endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  const lines = [
    ...(requests.length > 1
      ? [
          `# ${l10n.t('Create an AKS Arc cluster: send the {0} requests below in order.', requests.length)}`,
          `# ${l10n.t('Send step 2 only after step 1 succeeded (its response or a GET shows provisioningState Succeeded).')}`,
        ]
      : [`# ${l10n.t('Send the request below.')}`]),
    `# ${l10n.t('Get a token for Azure Resource Manager and paste it on the @token line:')}`,
    `# az account get-access-token --resource ${base} --query accessToken -o tsv`,
    '',
    `@token = <${l10n.t('paste a token here')}>`,
    '',
  ];
  const titles = stepTitles();
  requests.forEach((request, i) => {
    lines.push(
      `### ${l10n.t({ message: 'Step {0}: {1}', args: [i + 1, request.title || titles[i] || request.path], comment: ['{1} is what the request creates.'] })}`,
      `${request.method} ${base}${request.path}?api-version=${request.apiVersion}`,
      'Authorization: Bearer {{token}}',
      'Content-Type: application/json',
      '',
      JSON.stringify(request.body, null, 2),
      '',
    );
  });
  return lines.join('\n');
}
